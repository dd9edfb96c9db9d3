
namespace OrleansCrm.Domain.Orders;

/// <summary>The customer as the order needs them: for the search index and the emails.</summary>
public sealed record CustomerSnapshot(string Id, string Name, string? Email, string Phone, string TimeZone);
