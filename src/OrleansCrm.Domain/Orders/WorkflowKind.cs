
namespace OrleansCrm.Domain.Orders;

/// <summary>What a workflow event is for; decides how it runs and what its outcome changes.</summary>
public enum WorkflowKind
{
    ShippingCharge,
    PaymentCharge,
    ProductCharge,
    ProductChargeRetry,
    OrderConfirmation,
    TrialReminder,
    ExtensionOffer,
    PaymentConfirmation,
    PaymentFailedNotice,
    TrialExtended,
    ChangeRefund,
    TrialEndMoved,
}
