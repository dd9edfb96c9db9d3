namespace OrleansCrm.Contracts.Wallboard;

/// <summary>Who a wallboard session signed in, and until when it holds.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.WallboardSession")]
public sealed record WallboardSession([property: Id(0)] string UserId, [property: Id(1)] string Role, [property: Id(2)] DateTimeOffset ExpiresAt);
