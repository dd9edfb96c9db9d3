
namespace OrleansCrm.Domain.Customers;

/// <summary>The whole customer as its grain keeps it.</summary>
public sealed record Customer(
    string Id,
    CustomerProfile Profile,
    IReadOnlyList<CustomerNote> Notes,
    bool AutoPaymentsEnabled,
    IReadOnlyList<string> OrderNumbers,
    IReadOnlyList<string> CallIds,
    DateTimeOffset CreatedAt,
    long Version);
