
namespace OrleansCrm.Domain.Orders;

public sealed record DeliveryMethod(string Id, string Name, decimal Price);
