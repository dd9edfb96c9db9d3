namespace OrleansCrm.Api.Apis;

public sealed record AmountsView(
    string Currency, decimal Total, decimal Items, decimal ShippingAndHandling, decimal Delivery,
    decimal Prepayments, decimal Income, decimal Expenses, decimal Refunded, decimal Refundable, decimal Discounts);
