namespace OrleansCrm.Contracts.Ports;

/// <summary>A customer as searches see it.</summary>
public sealed record CustomerEntry(string Id, string Name, string? Email, string Phone, DateTimeOffset CreatedAt, long Version);
