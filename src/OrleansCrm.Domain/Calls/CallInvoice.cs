using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// "Conversation completed" with an invoice on a call about an order: "save and create invoice" makes a new order
/// for the same items beside the old one (<see cref="InvoiceAction.New"/>); "cancel and create order" also cancels
/// the old one (<see cref="InvoiceAction.Replace"/>). Placed once per call, whoever finishes the outcome.
/// </summary>
public sealed record CallInvoice(string CallId, InvoiceAction Action, Order Old)
{
    /// <summary>The old order is cancelled by the invoice (it is a replace, and the order is not cancelled already).</summary>
    public bool CancelsOld => Action == InvoiceAction.Replace && Old.Status != OrderStatus.Cancelled;

    /// <summary>The key the new order is placed under: one invoice per call.</summary>
    public string OnceKey => $"call:{CallId}:invoice";

    /// <summary>What the new order's placement refers to.</summary>
    public string Reference => "invoice:" + Old.Number;

    /// <summary>A replace is refused before anything is placed when the old order can no longer be cancelled.</summary>
    public void CheckOldCanBeCancelled()
    {
        if (CancelsOld)
        {
            OrderRules.Ensure(Old.Number, Old.Status, OrderAction.Cancel);
        }
    }

    /// <summary>The new order: the old one's customer, offer, currency, items, delivery and campaign; no card, no trial.</summary>
    public PlaceOrder NewOrder() => new(
        Old.Customer.Id,
        Old.OfferId,
        Old.Currency,
        Trial: false,
        Old.Items.Select(i => new OrderLine(i.Sku, i.Quantity)).ToList(),
        CardToken: null,
        PaymentProvider: null,
        Old.DeliveryMethod?.Id,
        Ip: null,
        Analytics: null,
        Affiliate: null,
        Tag: null,
        CampaignId: Old.CampaignId);

    /// <summary>Why the old order is cancelled, as its note says.</summary>
    public Wording ReplacedBy(string newOrderNumber) => CallWording.ReplacedBy.With(newOrderNumber, CallId);
}
