namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// The fixed triggers and, for each, the variables it offers and the fields its constraints may test. A template
/// using a variable its trigger does not offer is refused when it is saved. <c>{$name}</c> (seed 001's button
/// "customer name") is the customer's name under every trigger.
/// </summary>
public static class TriggerCatalog
{
    private static readonly TemplateVariable CallId = Text("call.id", "The call's id (for a booking, the call it was booked on).", "call-9001");

    private static readonly TemplateVariable[] Customer =
    [
        Text("name", "The customer's name (the same as customer.name).", "Anna Schmidt"),
        Text("customer.name", "The customer's name.", "Anna Schmidt"),
        Text("customer.email", "The customer's email address.", "anna.schmidt@example.com"),
        Text("customer.phone", "The customer's phone number (E.164).", "+4930123456"),
        Text("customer.country", "The customer's country (ISO 3166 alpha-2).", "DE"),
        Text("customer.timeZone", "The customer's IANA time zone.", "Europe/Berlin"),
        Text("customer.language", "The customer's language (ISO 639-1), when known.", "de"),
        Text("customer.id", "The customer's id.", "cus-1001"),
        Text("manager.name", "The name of the customer's personal manager.", "Max Weber"),
        Text("manager.email", "The email address of the customer's personal manager.", "max.weber@example.com"),
        Text("campaign.id", "The campaign's id.", "spring-sale"),
        Text("campaign.name", "The campaign's name.", "Spring sale"),
    ];

    private static readonly TemplateVariable[] Agent =
    [
        Text("agent.id", "The agent's id (the booking's agent, the call's agent, or the order's agent).", "agent-7"),
        Text("agent.name", "The agent's name.", "Lena Fischer"),
        Text("agent.email", "The agent's email address.", "lena.fischer@example.com"),
    ];

    private static readonly TemplateVariable[] Order =
    [
        Text("order.number", "The order number.", "100042"),
        Text("order.total", "The order's total with its currency, e.g. EUR 49.90.", "EUR 49.90"),
        Text("order.currency", "The order's currency (ISO 4217).", "EUR"),
        Text("order.status", "The order's status.", "Trial"),
        Text("order.offer", "The id of the offer ordered.", "vitamin-box"),
        Text("order.items", "The order's lines, one per line: quantity × product.", "1 × Vitamin box"),
        Instant("order.placedAt", "When the order was placed.", "2026-03-02T09:00:00Z"),
    ];

    /// <summary>What an order's workflow emails state: the money still owed, the trial's terms and the card on file.</summary>
    private static readonly TemplateVariable[] OrderTerms =
    [
        Text("order.productPrice", "The product price still owed, with its currency (discounts and prepayments count), e.g. EUR 49.95.", "EUR 49.95"),
        Text("order.shippingCharge", "What a trial charges when it starts: shipping & handling and the delivery method, with its currency.", "EUR 9.95"),
        Text("trial.days", "How many days the trial lasts.", "14"),
        Text("trial.reminderDay", "The trial day the reminder is sent on (days gone).", "7"),
        Text("trial.daysLeft", "The trial days left when the reminder is sent.", "6"),
        Text("trial.extensionDays", "How many days the one-time extension adds.", "14"),
        Instant("trial.chargeAt", "When the product is charged at the trial's end (the extended date after an extension).", "2026-03-16T09:00:00Z"),
        Text("card.brand", "The brand of the card on file.", "visa"),
        Text("card.masked", "The card on file, masked but for its last four digits.", "XXXX XXXX XXXX 4242"),
        Text("card.last4", "The last four digits of the card on file.", "4242"),
    ];

    private static readonly TemplateVariable ExtensionLink = Text("extension.link", "The link to the trial extension page of the order.", "https://crm.example.com/trial/ext-4f2a");

    private static readonly TemplateVariable[] Payment =
    [
        Text("payment.amount", "The amount of the charge the email confirms, with its currency.", "EUR 49.95"),
        Instant("payment.at", "When that charge went through.", "2026-03-16T09:00:00Z"),
        Text("payment.transactionId", "The provider's transaction id of that charge (the receipt number).", "txn-8f3a"),
    ];

    private static readonly TemplateVariable[] Booking =
    [
        Text("booking.id", "The booking's id.", "bk-5001"),
        Instant("booking.start", "When the meeting starts.", "2026-03-10T14:30:00Z"),
        Instant("booking.end", "When the meeting ends.", "2026-03-10T15:00:00Z"),
        Text("booking.durationMinutes", "How long the meeting is, in minutes.", "30"),
        CallId,
    ];

    private static readonly TemplateVariable[] Outcome =
    [
        Text("outcome.code", "The outcome's code.", "no-answer"),
        Text("outcome.label", "The outcome's label.", "No answer"),
        Text("outcome.type", "The outcome's type: R, N, C or T.", "R"),
        Text("outcome.comment", "The agent's comment on the outcome.", "Call back after lunch"),
        CallId,
        Text("call.attempt", "The contact attempt number of this call (1 for the first).", "2"),
        Instant("call.startedAt", "When the call started.", "2026-03-02T10:15:00Z"),
        Instant("callback.at", "The callback the agent planned, when the outcome set one.", "2026-03-03T11:00:00Z"),
    ];

    private static readonly ConstraintField[] CustomerFields =
    [
        new("customer.country", ConstraintFieldKinds.Text, "The customer's country (ISO 3166 alpha-2)."),
        new("customer.timeZone", ConstraintFieldKinds.Text, "The customer's IANA time zone."),
        new("customer.language", ConstraintFieldKinds.Text, "The customer's language (ISO 639-1)."),
        new("customer.hasEmail", ConstraintFieldKinds.Flag, "Whether the customer has an email address."),
        new("customer.hasPhone", ConstraintFieldKinds.Flag, "Whether the customer has a phone number."),
    ];

    private static readonly ConstraintField[] OrderFields =
    [
        new("order.offer", ConstraintFieldKinds.Text, "The id of the offer ordered: a template limited to offers speaks for them before the campaign's other templates."),
        new("order.trial", ConstraintFieldKinds.Flag, "Whether the order is a trial."),
    ];

    private static readonly ConstraintField[] BookingFields =
    [
        new("booking.agent", ConstraintFieldKinds.Text, "The id of the booking's agent."),
        new("booking.duration", ConstraintFieldKinds.Number, "The meeting's length in minutes."),
        new("booking.weekday", ConstraintFieldKinds.Weekday, "The meeting's weekday in the customer's zone (Monday … Sunday)."),
    ];

    private static readonly ConstraintField[] OutcomeFields =
    [
        new("outcome.code", ConstraintFieldKinds.Text, "The outcome's code."),
        new("outcome.type", ConstraintFieldKinds.Text, "The outcome's type: R, N, C or T."),
        new("call.attempt", ConstraintFieldKinds.Number, "The contact attempt number (1 for the first call)."),
    ];

    public static IReadOnlyList<MessageTrigger> All { get; } =
    [
        new(TriggerEvents.OrderPlaced, "An order was placed (the order confirmation).",
            [.. Customer, .. Agent, .. Order, .. OrderTerms, ExtensionLink],
            [.. CustomerFields, .. OrderFields]),
        new(TriggerEvents.OrderCancelled, "An order was cancelled.",
            [.. Customer, .. Agent, .. Order, Instant("order.cancelledAt", "When the order was cancelled.", "2026-03-05T16:00:00Z")],
            [.. CustomerFields, .. OrderFields]),
        new(TriggerEvents.OrderDeleted, "An order was deleted.",
            [.. Customer, .. Agent, .. Order, Instant("order.deletedAt", "When the order was deleted.", "2026-03-05T16:00:00Z")],
            [.. CustomerFields, .. OrderFields]),
        new(TriggerEvents.OrderTrialReminder, "A trial's reminder day came (by default day 7: days gone, days left, the charge to come).",
            [.. Customer, .. Agent, .. Order, .. OrderTerms],
            [.. CustomerFields, .. OrderFields]),
        new(TriggerEvents.OrderExtensionOffer, "A trial's end is near: the offer to extend it once, with the customer's one-time link.",
            [.. Customer, .. Agent, .. Order, .. OrderTerms, ExtensionLink],
            [.. CustomerFields, .. OrderFields]),
        new(TriggerEvents.OrderPaymentConfirmed, "An order's charge went through (the payment confirmation, with the receipt).",
            [.. Customer, .. Agent, .. Order, .. OrderTerms, .. Payment],
            [.. CustomerFields, .. OrderFields]),
        new(TriggerEvents.OrderPaymentFailed, "An order's product charge failed for good (the order is PaymentFailed).",
            [.. Customer, .. Agent, .. Order, .. OrderTerms],
            [.. CustomerFields, .. OrderFields]),
        new(TriggerEvents.BookingMade, "A meeting was booked (a T outcome).",
            [.. Customer, .. Agent, .. Booking], [.. CustomerFields, .. BookingFields]),
        new(TriggerEvents.BookingCancelled, "A booked meeting was cancelled.",
            [.. Customer, .. Agent, .. Booking, Instant("booking.cancelledAt", "When the booking was cancelled.", "2026-03-08T12:00:00Z")],
            [.. CustomerFields, .. BookingFields]),
        new(TriggerEvents.BookingReminder, "A booked meeting is coming up: by default at 13:00 the day before in the customer's zone (the template's reminderDaysBefore and reminderAt).",
            [.. Customer, .. Agent, .. Booking], [.. CustomerFields, .. BookingFields]),
        new(TriggerEvents.Outcome, "An agent confirmed an outcome of a call (by outcome code or type).",
            [.. Customer, .. Agent, .. Outcome], [.. CustomerFields, .. OutcomeFields]),
    ];

    /// <summary>The named formats of an instant variable (<c>{$booking.start:long}</c>), written in the customer's zone.</summary>
    public static IReadOnlyDictionary<string, string> InstantFormats { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["datetime"] = "yyyy-MM-dd HH:mm",
        ["date"] = "yyyy-MM-dd",
        ["time"] = "HH:mm",
        ["long"] = "dddd, d MMMM yyyy, HH:mm",
        ["dmy"] = "dd.MM.yyyy HH:mm",
        ["iso"] = "yyyy-MM-dd'T'HH:mm:sszzz",
    };

    /// <summary>The format an instant variable is written in when the template names none.</summary>
    public const string DefaultInstantFormat = "datetime";

    /// <summary>The recipient fields a template may name besides fixed addresses and numbers, and the channel each serves.</summary>
    public static IReadOnlyDictionary<string, string> RecipientFields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["customer.email"] = MessageChannels.Email,
        ["agent.email"] = MessageChannels.Email,
        ["manager.email"] = MessageChannels.Email,
        ["customer.phone"] = MessageChannels.Sms,
    };

    public static MessageTrigger? Find(string? trigger) => All.FirstOrDefault(t => t.Event == trigger);

    private static TemplateVariable Text(string name, string description, string sample) => new(name, VariableKinds.Text, description, sample);

    private static TemplateVariable Instant(string name, string description, string sample) => new(name, VariableKinds.Instant, description, sample);
}
