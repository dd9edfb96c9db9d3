namespace OrleansCrm.Contracts.Ports;

/// <summary>A page of a search and how many match in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Skip, int Take);
