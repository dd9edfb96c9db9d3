
namespace OrleansCrm.Domain.Orders;

public sealed record Analytics(string? Source, string? Channel);
