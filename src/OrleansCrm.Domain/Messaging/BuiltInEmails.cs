using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Domain.Messaging;

/// <summary>
/// The sales workflow's five emails as DEFAULT TEMPLATES, in the template language and rendered by the same renderer
/// as a campaign's: the order confirmation (one for a trial, one for an order paid at once, told apart by their
/// <c>order.trial</c> constraint), the trial reminder, the extension offer, the payment confirmation and the payment
/// failed notice. They are data only: which one speaks for an order, or whether a campaign's or an offer's template
/// does instead, is <see cref="Orders.OrderMessages"/>'s rule. A value the order does not know is written as an empty
/// text (their declared rule), as the built-in texts always did; they never hold a placeholder.
/// </summary>
public static class BuiltInEmails
{
    /// <summary>The version a default template reports: it is no campaign's, so it has none of the store's versions.</summary>
    public const long DefaultVersion = 0;

    private const string Regards = "\n\nKind regards,\nCustomer care";

    public static IReadOnlyList<VersionedTemplate> Templates { get; } =
    [
        Default("order-confirmation-trial", TriggerEvents.OrderPlaced, trial: true,
            "Your order {$order.number} is confirmed",
            "Dear {$name},\n\nthank you for your order {$order.number}.\n" +
            "Today we charged {$order.shippingCharge} for shipping & handling. Your {$trial.days}-day trial starts today; the product price of {$order.productPrice} will be charged on {$trial.chargeAt:date} unless you cancel." +
            Regards),
        Default("order-confirmation", TriggerEvents.OrderPlaced, trial: false,
            "Your order {$order.number} is confirmed",
            "Dear {$name},\n\nthank you for your order {$order.number}.\nOrder total: {$order.total}." + Regards),
        Default("trial-reminder", TriggerEvents.OrderTrialReminder, trial: null,
            "Your trial: {$trial.reminderDay} days gone, {$trial.daysLeft} left",
            "Dear {$name},\n\n{$trial.reminderDay} days of your trial for order {$order.number} are gone and {$trial.daysLeft} are left. " +
            "On {$trial.chargeAt:date} we will charge {$order.productPrice} for the product." + Regards),
        Default("extension-offer", TriggerEvents.OrderExtensionOffer, trial: null,
            "Need more time? Extend your trial by {$trial.extensionDays} days",
            "Dear {$name},\n\nyour trial for order {$order.number} ends on {$trial.chargeAt:date}. You can extend it once by {$trial.extensionDays} days, free of charge:\n\n{$extension.link}\n\n" +
            "The product price of {$order.productPrice} is then charged at the end of the extended trial." + Regards),
        Default("payment-confirmation", TriggerEvents.OrderPaymentConfirmed, trial: null,
            "Payment received for order {$order.number}",
            "Dear {$name},\n\nwe received your payment for order {$order.number}. Thank you!\n\n" +
            "Order:   {$order.number}\n" +
            "Amount:  {$payment.amount}\n" +
            "Card:    {$card.brand} {$card.masked}\n" +
            "Date:    {$payment.at:date} ({$customer.timeZone})\n" +
            "Receipt: {$payment.transactionId}\n" +
            "\nKind regards,\nCustomer care"),
        Default("payment-failed", TriggerEvents.OrderPaymentFailed, trial: null,
            "We could not charge your card for order {$order.number}",
            "Dear {$name},\n\nwe could not charge the card ending in {$card.last4} for order {$order.number}. Please call us to update your payment details." + Regards),
    ];

    /// <summary>The default templates of one trigger (none for a trigger without a built-in email).</summary>
    public static IReadOnlyList<VersionedTemplate> For(string eventName) => [.. Templates.Where(t => t.Template.Trigger?.Event == eventName)];

    /// <summary>
    /// A default template: to the customer's email, from the transport's own sender (an email's sender is the SMTP
    /// setting <c>Smtp:From</c>), enabled, a missing value written as an empty text.
    /// </summary>
    private static VersionedTemplate Default(string id, string eventName, bool? trial, string subject, string body) => new(
        "built-in:" + id,
        DefaultVersion,
        new MessageTemplate(
            Channel: MessageChannels.Email,
            From: null,
            Recipients: ["customer.email"],
            Subject: subject,
            Body: body,
            HtmlBody: null,
            Images: [],
            Attachments: [],
            Trigger: new TemplateTrigger(eventName),
            Constraints: trial is { } t ? [new TemplateConstraint("order.trial", [t ? "true" : "false"])] : [],
            MissingValue: new MissingValueRule(MissingValueKinds.Default, ""),
            Enabled: true));
}
