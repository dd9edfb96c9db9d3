namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>The events a template may name, spelled as the API spells them.</summary>
public static class TriggerEvents
{
    public const string OrderPlaced = "order.placed";
    public const string OrderCancelled = "order.cancelled";
    public const string OrderDeleted = "order.deleted";
    public const string OrderTrialReminder = "order.trialReminder";
    public const string OrderExtensionOffer = "order.extensionOffer";
    public const string OrderPaymentConfirmed = "order.paymentConfirmed";
    public const string OrderPaymentFailed = "order.paymentFailed";
    public const string BookingMade = "booking.made";
    public const string BookingCancelled = "booking.cancelled";
    public const string BookingReminder = "booking.reminder";
    public const string Outcome = "outcome";
}
