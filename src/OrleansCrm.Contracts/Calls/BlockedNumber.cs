namespace OrleansCrm.Contracts;

/// <summary>A blocked phone number.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.BlockedNumber")]
public sealed record BlockedNumber(
    [property: Id(0)] string Phone,
    [property: Id(1)] BlockReason Reason,
    [property: Id(2)] string? Note,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string By);
