using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Api.Apis;

/// <summary>The web-shop order id entered on a call and where its validation stands (OpenAPI schema <c>LinkedOrder</c>, as before).</summary>
public sealed record LinkedOrder(string OrderId, LinkStatus Status, DateTimeOffset SetAt, string SetBy, string? Reason = null)
{
    public static LinkedOrder From(Domain.Calls.LinkedOrder l) => new(l.OrderId, l.Status, l.SetAt, l.SetBy, l.Reason);
}
