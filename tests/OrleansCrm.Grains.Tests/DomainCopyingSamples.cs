// Sample types in the domain's namespace, so DomainCopying treats them as domain types.
namespace OrleansCrm.Domain.CopyingSamples;

public sealed record FrozenSample(string Name, int Count, DateTimeOffset At, IReadOnlyList<string> Tags);

public sealed record NestedFrozenSample(FrozenSample Inner, FrozenSample? Other);

public sealed class ReassignableSample
{
    public string? Name { get; set; }

    public IReadOnlyList<string> Tags { get; set; } = [];
}

public sealed record ListSample(List<string> Items);

public sealed record HoldsReassignableSample(ReassignableSample Inner);

public record OpenSample(string Name);
