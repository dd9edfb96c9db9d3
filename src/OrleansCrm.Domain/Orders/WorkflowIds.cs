namespace OrleansCrm.Domain.Orders;

/// <summary>The stable ids of the workflow rows; idempotency keys are built from them.</summary>
public static class WorkflowIds
{
    public const string ShippingCharge = "sh-charge";
    public const string PaymentCharge = "payment";
    public const string OrderConfirmation = "order-confirmation";
    public const string TrialReminder = "trial-reminder";
    public const string ExtensionOffer = "extension-offer";
    public const string ProductCharge = "product-charge";
    public const string PaymentConfirmation = "payment-confirmation";
    public const string PaymentFailedNotice = "payment-failed";
    public const string TrialExtended = "trial-extended";
    public const string TrialEndMoved = "trial-end-moved";
}
