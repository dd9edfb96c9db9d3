namespace OrleansCrm.Grains;

/// <summary>The persisted state of a configuration document (an offer, a campaign).</summary>
[GenerateSerializer, Alias("OrleansCrm.DocumentState`1")]
public sealed class DocumentState<T>
    where T : class
{
    [Id(0)]
    public T? Value { get; set; }

    [Id(1)]
    public long Version { get; set; }

    [Id(2)]
    public DateTimeOffset UpdatedAt { get; set; }
}
