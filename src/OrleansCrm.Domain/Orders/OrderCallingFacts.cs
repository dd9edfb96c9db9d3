namespace OrleansCrm.Domain.Orders;

/// <summary>
/// What the dialer and the lead import need to know of an order a contact is about: whose it is, whether it is
/// deleted, and when it was marked already paid (null when never). Small on purpose: it is read at hand-out time.
/// </summary>
public sealed record OrderCallingFacts(string Number, string CustomerId, bool Deleted, DateTimeOffset? AlreadyPaidAt);
