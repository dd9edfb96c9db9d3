namespace OrleansCrm.Domain.Orders;

/// <summary>
/// A customer said on a call that the order is already paid. The mark lives on the order, so it holds in every
/// campaign: the order is never called about again (PRODUCT.md §3).
/// </summary>
public sealed record AlreadyPaidMark(DateTimeOffset At, string By, string CallId);
