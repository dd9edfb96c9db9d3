using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Domain.Tests;

/// <summary>Templates a test starts from and changes one field of.</summary>
internal static class TemplateSamples
{
    public static MessageTemplate Email(string trigger = TriggerEvents.OrderPlaced, string body = "Hello {$customer.name}, your order {$order.number} is placed.") => new(
        MessageChannels.Email,
        new TemplateSender("shop@example.com", "The Shop"),
        ["customer.email"],
        "A message for {$name}",
        body,
        null,
        null,
        null,
        Trigger(trigger),
        null,
        null,
        null);

    public static MessageTemplate Sms(string trigger = TriggerEvents.BookingMade, string body = "Hi {$name}, see you {$booking.start:long}.") => new(
        MessageChannels.Sms,
        new TemplateSender("Shop", null),
        ["customer.phone"],
        null,
        body,
        null,
        null,
        null,
        Trigger(trigger),
        null,
        null,
        null);

    /// <summary>The trigger by its event; an outcome trigger picks the R outcomes.</summary>
    public static TemplateTrigger Trigger(string trigger) => trigger == TriggerEvents.Outcome ? new(trigger, OutcomeType: "R") : new(trigger);

    public static MessageFacts Facts(params (string Name, string? Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal), new Dictionary<string, DateTimeOffset>(), "Europe/Berlin");
}
