namespace OrleansCrm.Domain.Shop;

/// <summary>A store and an increment id: one shop order, or (with a chain base) one chain of re-created orders.</summary>
public readonly record struct ShopOrderKey(string StoreCode, string IncrementId)
{
    public override string ToString() => $"{StoreCode}/{IncrementId}";
}
