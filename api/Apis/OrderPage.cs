using OrleansCrm.Domain.Orders;
using OrleansCrm.Contracts.Ports;
using ApiOrders = OrleansCrm.Api.Presentation;

namespace OrleansCrm.Api.Apis;

/// <summary>The order page: header, amounts, customer, items, payments, workflow, notes, tasks, and the tabs.</summary>
public sealed record OrderPage(
    string Number,
    OrderStatus Status,
    DateTimeOffset PlacedAt,
    DateTimeOffset? AutoCancelAt,
    bool IsTrial,
    TrialView? Trial,
    AmountsView Amounts,
    OrderCustomerView Customer,
    string? Ip,
    IReadOnlyList<OrderItem> Items,
    CardView? Card,
    Analytics? Analytics,
    Affiliate? Affiliate,
    string? Tag,
    DeliveryMethod? DeliveryMethod,
    string OfferId,
    string? MainOrderNumber,
    FulfillmentState Fulfillment,
    IReadOnlyList<PaymentRecord> Payments,
    IReadOnlyList<ApiOrders.WorkflowEvent> Workflow,
    IReadOnlyList<ApiOrders.OrderNote> Notes,
    IReadOnlyList<OrderTask> Tasks,
    IReadOnlyList<ApiOrders.OrderChange> Changes,
    IReadOnlyList<HistoryItem> History,
    IReadOnlyList<OrderEntry> CustomerOrders,
    IReadOnlyList<CallEntry> OrderCalls,
    IReadOnlyList<CallEntry> TaskCalls);
