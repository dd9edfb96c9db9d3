namespace OrleansCrm.Domain.Calls;

/// <summary>The web-shop order id an agent entered on the call, and where its validation stands.</summary>
public sealed record LinkedOrder(string OrderId, LinkStatus Status, DateTimeOffset SetAt, string SetBy, string? Reason = null);
