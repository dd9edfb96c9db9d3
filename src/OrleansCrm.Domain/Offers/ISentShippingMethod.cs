namespace OrleansCrm.Domain.Offers;

/// <summary>A shipping method as a client sent it, before the offer's check: any member may be missing.</summary>
public interface ISentShippingMethod
{
    string? Id { get; }

    string? Name { get; }

    IReadOnlyDictionary<string, decimal>? Price { get; }
}
