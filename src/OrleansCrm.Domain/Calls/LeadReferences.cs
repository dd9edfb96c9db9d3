namespace OrleansCrm.Domain.Calls;

/// <summary>
/// The customers and orders the rows of an import name, looked up before the rows are checked (see
/// <see cref="LeadImport.Named"/>). A customer or order missing from these does not exist.
/// </summary>
public sealed record LeadReferences(IReadOnlyDictionary<string, KnownCustomer> Customers, IReadOnlyDictionary<string, Orders.OrderCallingFacts> Orders)
{
    /// <summary>Nothing known: every row that names a customer or an order is refused.</summary>
    public static LeadReferences None { get; } = new(new Dictionary<string, KnownCustomer>(), new Dictionary<string, Orders.OrderCallingFacts>());
}
