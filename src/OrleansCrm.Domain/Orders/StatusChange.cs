
namespace OrleansCrm.Domain.Orders;

/// <summary>
/// A change of status, for the order history. Why it changed is <paramref name="ReasonWording"/>, rendered at the edge; a
/// change stored by an older build has its English <paramref name="Reason"/> and no wording (a change written since has
/// an empty <paramref name="Reason"/>).
/// </summary>
public sealed record StatusChange(OrderStatus? From, OrderStatus To, DateTimeOffset At, string By, string Reason, Wording? ReasonWording = null);
