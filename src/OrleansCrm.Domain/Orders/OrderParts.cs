
namespace OrleansCrm.Domain.Orders;

public enum WorkflowEventType
{
    Charge,
    Email,
    Extension,

    /// <summary>Money returned through the provider for a change of the order (a discount, fewer items) after payment.</summary>
    Refund,
}
