
namespace OrleansCrm.Domain.Orders;

public enum WorkflowStatus
{
    Waiting,
    Completed,
    Failed,
    Cancelled,
    OnHold,
}
