namespace OrleansCrm.Domain.Offers;

/// <summary>An upsell as a client sent it, before the offer's check: any member may be missing.</summary>
public interface ISentUpsell
{
    string? Id { get; }

    string? Name { get; }

    IReadOnlyDictionary<string, decimal>? UnitPrice { get; }

    IReadOnlyList<int>? AllowedQuantities { get; }

    IReadOnlyList<string>? ShippingMethodIds { get; }
}
