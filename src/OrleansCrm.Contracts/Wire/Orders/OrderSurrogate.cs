using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>
/// An <see cref="Order"/> as it is stored and crosses a grain call. Never renumber an id. Not immutable: the order
/// and its workflow rows change, so a copy in one process is a deep copy (each part through its own surrogate).
/// </summary>
[GenerateSerializer, Alias("OrleansCrm.Order.v1")]
public readonly record struct OrderSurrogate(
    [property: Id(0)] string Number,
    [property: Id(1)] string OfferId,
    [property: Id(2)] CustomerSnapshot Customer,
    [property: Id(3)] string Currency,
    [property: Id(4)] bool IsTrial,
    [property: Id(5)] OrderStatus Status,
    [property: Id(6)] DateTimeOffset PlacedAt,
    [property: Id(7)] string PlacedBy,
    [property: Id(8)] IReadOnlyList<OrderItem> Items,
    [property: Id(9)] decimal ShippingAndHandling,
    [property: Id(10)] DeliveryMethod? DeliveryMethod,
    [property: Id(11)] string? Ip,
    [property: Id(12)] Analytics? Analytics,
    [property: Id(13)] Affiliate? Affiliate,
    [property: Id(14)] string? Tag,
    [property: Id(15)] string PaymentProvider,
    [property: Id(16)] string? CardToken,
    [property: Id(17)] CardOnFile? Card,
    [property: Id(18)] DateTimeOffset? AutoCancelAt,
    [property: Id(19)] bool AutoPaymentsEnabled,
    [property: Id(20)] TrialSchedule? Trial,
    [property: Id(21)] DateTimeOffset? ExtendedAt,
    [property: Id(22)] string? MainOrderNumber,
    [property: Id(23)] IReadOnlyList<WorkflowEvent> Workflow,
    [property: Id(24)] IReadOnlyList<PaymentRecord> Payments,
    [property: Id(25)] IReadOnlyList<OrderNote> Notes,
    [property: Id(26)] IReadOnlyList<OrderTask> Tasks,
    [property: Id(27)] IReadOnlyList<StatusChange> History,
    [property: Id(28)] IReadOnlyList<OrderChange> Changes,
    [property: Id(29)] FulfillmentState Fulfillment,
    [property: Id(30)] int RefundAttempts,
    [property: Id(31)] AlreadyPaidMark? AlreadyPaid,
    [property: Id(32)] int PrepaymentAttempts,
    [property: Id(33)] IReadOnlyList<AnsweredRequest>? ClientRequests,
    [property: Id(34)] string? CampaignId);

/// <summary>Turns an <see cref="Order"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class OrderConverter : IConverter<Order, OrderSurrogate>
{
    public Order ConvertFromSurrogate(in OrderSurrogate s) => new(
        s.Number, s.OfferId, s.Customer, s.Currency, s.IsTrial, s.Status, s.PlacedAt, s.PlacedBy, s.PaymentProvider,
        items: s.Items,
        shippingAndHandling: s.ShippingAndHandling,
        deliveryMethod: s.DeliveryMethod,
        ip: s.Ip,
        analytics: s.Analytics,
        affiliate: s.Affiliate,
        tag: s.Tag,
        cardToken: s.CardToken,
        card: s.Card,
        autoCancelAt: s.AutoCancelAt,
        autoPaymentsEnabled: s.AutoPaymentsEnabled,
        trial: s.Trial,
        extendedAt: s.ExtendedAt,
        mainOrderNumber: s.MainOrderNumber,
        workflow: s.Workflow,
        payments: s.Payments,
        notes: s.Notes,
        tasks: s.Tasks,
        history: s.History,
        changes: s.Changes,
        fulfillment: s.Fulfillment,
        refundAttempts: s.RefundAttempts,
        alreadyPaid: s.AlreadyPaid,
        prepaymentAttempts: s.PrepaymentAttempts,
        clientRequests: s.ClientRequests,
        campaignId: s.CampaignId);

    public OrderSurrogate ConvertToSurrogate(in Order o) => new(
        o.Number, o.OfferId, o.Customer, o.Currency, o.IsTrial, o.Status, o.PlacedAt, o.PlacedBy, o.Items, o.ShippingAndHandling, o.DeliveryMethod,
        o.Ip, o.Analytics, o.Affiliate, o.Tag, o.PaymentProvider, o.CardToken, o.Card, o.AutoCancelAt, o.AutoPaymentsEnabled, o.Trial, o.ExtendedAt,
        o.MainOrderNumber, o.Workflow, o.Payments, o.Notes, o.Tasks, o.History, o.Changes, o.Fulfillment, o.RefundAttempts, o.AlreadyPaid, o.PrepaymentAttempts, o.ClientRequests, o.CampaignId);
}
