namespace OrleansCrm.Api.Apis.Shop;

/// <summary>Valid linked orders on calls started in [from, to), grouped as asked.</summary>
public sealed record LinkedSalesReport(DateTimeOffset From, DateTimeOffset To, string GroupBy, int Orders, IReadOnlyList<LinkedSalesGroup> Groups);
