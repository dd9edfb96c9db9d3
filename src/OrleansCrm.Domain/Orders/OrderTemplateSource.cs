namespace OrleansCrm.Domain.Orders;

/// <summary>Whose templates speak for an order's event: the offer's (a campaign template limited to the order's offer), the campaign's, or the built-in default.</summary>
public enum OrderTemplateSource
{
    Offer,
    Campaign,
    Default,
}
