namespace OrleansCrm.Contracts;

/// <summary>A configuration document as a grain keeps it: the value, its version and whether this write created it.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Stored`1")]
public sealed record Stored<T>(
    [property: Id(0)] string Id,
    [property: Id(1)] T Value,
    [property: Id(2)] long Version,
    [property: Id(3)] DateTimeOffset UpdatedAt,
    [property: Id(4)] bool Created);
