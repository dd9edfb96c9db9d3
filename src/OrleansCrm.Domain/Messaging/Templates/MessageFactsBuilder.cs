using System.Globalization;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Customers;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// Gathers the facts of an event from what the CRM holds (an order, a booking, a call, the customer, the agent, the
/// customer's personal manager), under the catalog's variable names. What is not known stays out: the template's
/// missing-value rule decides then.
/// </summary>
public sealed class MessageFactsBuilder
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> instants = new(StringComparer.Ordinal);
    private string? zone;

    public MessageFactsBuilder Campaign(string? id, string? name)
    {
        Set("campaign.id", id);
        Set("campaign.name", name);
        return this;
    }

    public MessageFactsBuilder Customer(string? id, string? name, string? email, string? phone, string? timeZone)
    {
        Set("customer.id", id);
        Set("customer.name", name);
        Set("name", name);
        Set("customer.email", email);
        Set("customer.phone", phone);
        Set("customer.timeZone", timeZone);
        zone ??= timeZone;
        return this;
    }

    public MessageFactsBuilder Customer(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var p = customer.Profile;
        Customer(customer.Id, p.Name, p.Email, p.Phone, p.TimeZone);
        Set("customer.country", p.Address?.Country);
        return this;
    }

    public MessageFactsBuilder Agent(string? id, AgentProfile? profile)
    {
        Set("agent.id", id);
        Set("agent.name", profile?.Name);
        Set("agent.email", profile?.Email);
        return this;
    }

    public MessageFactsBuilder Manager(AgentProfile? profile)
    {
        Set("manager.name", profile?.Name);
        Set("manager.email", profile?.Email);
        return this;
    }

    public MessageFactsBuilder Order(Order order, string? extensionLink = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        var c = order.Customer;
        Customer(c.Id, c.Name, c.Email, c.Phone, c.TimeZone);
        Set("order.number", order.Number);
        Set("order.total", order.Format(order.Total()));
        Set("order.currency", order.Currency);
        Set("order.status", order.Status.ToString());
        Set("order.offer", order.OfferId);
        Set("order.items", string.Join("\n", order.Items.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Quantity} × {i.Name}"))));
        instants["order.placedAt"] = order.PlacedAt;
        Set("extension.link", extensionLink);
        if (order.Status == OrderStatus.Cancelled)
        {
            instants["order.cancelledAt"] = order.History.LastOrDefault(s => s.To == OrderStatus.Cancelled)?.At ?? order.PlacedAt;
        }

        if (order.Status == OrderStatus.Deleted)
        {
            instants["order.deletedAt"] = order.History.LastOrDefault(s => s.To == OrderStatus.Deleted)?.At ?? order.PlacedAt;
        }

        // The order's own emails are written in the zone the order was placed for (its customer snapshot).
        zone = c.TimeZone;
        return Terms(order);
    }

    /// <summary>The charge a payment confirmation tells of: its amount, when it went through, its receipt number.</summary>
    public MessageFactsBuilder Payment(Order order, PaymentRecord? charge)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (charge is not null)
        {
            Set("payment.amount", order.Format(charge.Amount));
            instants["payment.at"] = charge.At;
            Set("payment.transactionId", charge.TransactionId);
        }

        return this;
    }

    /// <summary>What the order's workflow emails state: the money still owed, the trial's terms and dates, the card on file.</summary>
    private MessageFactsBuilder Terms(Order order)
    {
        Set("order.trial", order.IsTrial ? "true" : "false");
        Set("order.productPrice", order.Format(order.ProductOwed()));
        if (order.IsTrial)
        {
            Set("order.shippingCharge", order.Format(order.ShippingAndHandling + (order.DeliveryMethod?.Price ?? 0m)));
        }

        if (order.Trial is { } trial)
        {
            Set("trial.days", trial.TrialDays.ToString(CultureInfo.InvariantCulture));
            Set("trial.reminderDay", trial.ReminderDay.ToString(CultureInfo.InvariantCulture));
            Set("trial.daysLeft", trial.DaysLeftAtReminder().ToString(CultureInfo.InvariantCulture));
            Set("trial.extensionDays", trial.ExtensionDays.ToString(CultureInfo.InvariantCulture));
        }

        if (order.Workflow.FirstOrDefault(w => w.Kind == WorkflowKind.ProductCharge) is { } productCharge)
        {
            instants["trial.chargeAt"] = productCharge.ScheduledAt;
        }

        if (order.Card is { } card)
        {
            Set("card.brand", card.Brand);
            Set("card.masked", card.Masked);
            Set("card.last4", card.Last4);
        }

        return this;
    }

    public MessageFactsBuilder Booking(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        Customer(booking.CustomerId, booking.CustomerName, booking.CustomerEmail, null, booking.CustomerTimeZone);
        zone = booking.CustomerTimeZone;
        Set("booking.id", booking.Id);
        instants["booking.start"] = booking.Start;
        instants["booking.end"] = booking.End;
        Set("booking.durationMinutes", ((int)(booking.End - booking.Start).TotalMinutes).ToString(CultureInfo.InvariantCulture));
        Set("call.id", booking.CallId);
        Set("agent.id", booking.AgentId);
        if (booking.CancelledAt is { } cancelled)
        {
            instants["booking.cancelledAt"] = cancelled;
        }

        return this;
    }

    public MessageFactsBuilder Call(CallAttempt call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Customer(call.CustomerId, call.ContactName, call.Email, call.Phone, call.TimeZone);
        Set("call.id", call.Id);
        Set("call.attempt", call.Attempt.ToString(CultureInfo.InvariantCulture));
        instants["call.startedAt"] = call.StartedAt;
        Set("agent.id", call.AgentId);
        if (call.Outcome is { } outcome)
        {
            Set("outcome.code", outcome.Code);
            Set("outcome.label", outcome.Label);
            Set("outcome.type", outcome.Type);
            Set("outcome.comment", outcome.Comment);
            if (outcome.CallbackAt is { } callback)
            {
                instants["callback.at"] = callback;
            }
        }

        return this;
    }

    /// <summary>
    /// The outcome being confirmed (before the call holds it) and the contact's attempt number it was confirmed on,
    /// as the contact counts it (1 for the first call of the contact in the campaign).
    /// </summary>
    public MessageFactsBuilder Outcome(OutcomeDecision decision, int attempt)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Outcome(decision.Outcome, decision.Comment, decision.CallbackAt, attempt);
    }

    /// <summary>An outcome of the campaign's catalog on the contact's attempt number: the one being confirmed, or (for a preview on the outcome form) the one the agent is about to confirm.</summary>
    public MessageFactsBuilder Outcome(Campaigns.Outcome outcome, string? comment, DateTimeOffset? callbackAt, int attempt)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Set("outcome.code", outcome.Code);
        Set("outcome.label", outcome.Label);
        Set("outcome.type", outcome.Type?.ToString());
        Set("outcome.comment", comment);
        Set("call.attempt", attempt.ToString(CultureInfo.InvariantCulture));
        if (callbackAt is { } callback)
        {
            instants["callback.at"] = callback;
        }

        return this;
    }

    public MessageFacts Build() => new(new Dictionary<string, string?>(values, StringComparer.Ordinal), new Dictionary<string, DateTimeOffset>(instants, StringComparer.Ordinal), zone);

    private void Set(string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            values[name] = value;
        }
    }
}
