namespace OrleansCrm.Contracts.Shop;

/// <summary>The names the shop's jobs are keyed by.</summary>
public static class ShopJobs
{
    public const string LinkedOrderValidation = "linked-order-validation";
}
