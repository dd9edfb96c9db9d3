namespace OrleansCrm.Domain.Orders;

/// <summary>
/// A customer said on a call that the order is already paid. The mark lives on the order, so it holds in every
/// campaign: the order is never called about again (PRODUCT.md §3).
/// </summary>
public sealed record AlreadyPaidMark(DateTimeOffset At, string By, string CallId);

/// <summary>
/// What the dialer and the lead import need to know of an order a contact is about: whose it is, whether it is
/// deleted, and when it was marked already paid (null when never). Small on purpose: it is read at hand-out time.
/// </summary>
public sealed record OrderCallingFacts(string Number, string CustomerId, bool Deleted, DateTimeOffset? AlreadyPaidAt);
