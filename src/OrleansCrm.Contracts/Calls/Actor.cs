namespace OrleansCrm.Contracts;

/// <summary>Who asks: their user id and what their role lets them do (agents act on their own calls only).</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Actor")]
public sealed record Actor([property: Id(0)] string UserId, [property: Id(1)] bool IsAgent, [property: Id(2)] bool IsAdmin);
