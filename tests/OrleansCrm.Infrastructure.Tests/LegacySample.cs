namespace OrleansCrm.Domain.LegacySamples;

/// <summary>
/// A domain aggregate as the redesign shapes them: private setters, a list behind a read-only property, a private
/// constructor. Its public properties are what the previous builds' JSON blobs held.
/// </summary>
public sealed class LegacySample
{
    private readonly List<string> notes = [];

    private LegacySample()
    {
    }

    public string Id { get; private set; } = "";

    public decimal Amount { get; private set; }

    public bool Enabled { get; private set; } = true;

    public IReadOnlyList<string> Notes => notes;

    public int NoteCount => notes.Count;

    public static LegacySample Open(string id, decimal amount, bool enabled, params string[] notes)
    {
        var sample = new LegacySample { Id = id, Amount = amount, Enabled = enabled };
        sample.notes.AddRange(notes);
        return sample;
    }
}

/// <summary>The sample's versioned wire shape, as Contracts/Wire gives every domain type one.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Tests.LegacySample.v1")]
public readonly record struct LegacySampleSurrogate(
    [property: Id(0)] string Id,
    [property: Id(1)] decimal Amount,
    [property: Id(2)] bool Enabled,
    [property: Id(3)] IReadOnlyList<string> Notes);

[RegisterConverter]
public sealed class LegacySampleConverter : IConverter<LegacySample, LegacySampleSurrogate>
{
    public LegacySample ConvertFromSurrogate(in LegacySampleSurrogate surrogate) =>
        LegacySample.Open(surrogate.Id, surrogate.Amount, surrogate.Enabled, [.. surrogate.Notes]);

    public LegacySampleSurrogate ConvertToSurrogate(in LegacySample value) => new(value.Id, value.Amount, value.Enabled, value.Notes);
}
