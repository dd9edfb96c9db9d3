namespace OrleansCrm.Grains.Shop;

/// <summary>The shop jobs' state names (unique across the CRM, as <see cref="StorageNames"/>' are).</summary>
public static class ShopStorageNames
{
    public const string LinkedOrderValidationJobState = "linked-order-validation-job";
}
