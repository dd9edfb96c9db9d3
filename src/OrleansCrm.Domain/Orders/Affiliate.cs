
namespace OrleansCrm.Domain.Orders;

public sealed record Affiliate(string? Id, decimal? Commission);
