using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Api.Apis;

public sealed record FulfillmentBody(OrderStatus? Status);
