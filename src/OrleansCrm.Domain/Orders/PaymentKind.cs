
namespace OrleansCrm.Domain.Orders;

public enum PaymentKind
{
    Charge,
    Prepayment,
    Refund,
}
