using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Domain.Orders;

/// <summary>
/// Which messages an order's events make. Each of the five workflow emails is a trigger (<see cref="TriggerOf"/>), and
/// <c>order.cancelled</c> and <c>order.deleted</c> fire once the order is. For each event the templates that speak are
/// chosen by precedence (<see cref="Choose"/>): the OFFER's (templates of the order's campaign limited to offers by an
/// <c>order.offer</c> constraint that holds for the order), else the CAMPAIGN's (its other enabled templates on the
/// trigger), else the DEFAULT (<see cref="BuiltInEmails"/>; the cancelled and deleted triggers have none, so they send
/// only what a campaign wrote). The chosen templates are rendered by the one function bookings use too
/// (<see cref="TemplateMessages"/>), keyed by the event, the order (and, for a resend, its row), the template's
/// version and the recipient.
/// </summary>
public static class OrderMessages
{
    /// <summary>The constraint field that limits a campaign's template to offers: such a template is the offer's override.</summary>
    public const string OfferField = "order.offer";

    /// <summary>The trigger a workflow email row fires.</summary>
    public static string TriggerOf(WorkflowKind kind) => kind switch
    {
        WorkflowKind.OrderConfirmation => TriggerEvents.OrderPlaced,
        WorkflowKind.TrialReminder => TriggerEvents.OrderTrialReminder,
        WorkflowKind.ExtensionOffer => TriggerEvents.OrderExtensionOffer,
        WorkflowKind.PaymentConfirmation => TriggerEvents.OrderPaymentConfirmed,
        WorkflowKind.PaymentFailedNotice => TriggerEvents.OrderPaymentFailed,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an email of the workflow."),
    };

    /// <summary>The events of the order's history still to announce: cancelled and deleted, once each, when it happened.</summary>
    public static IReadOnlyList<string> Announcements(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var events = new List<string>();
        if (order.History.Any(h => h.To == OrderStatus.Cancelled))
        {
            events.Add(TriggerEvents.OrderCancelled);
        }

        if (order.History.Any(h => h.To == OrderStatus.Deleted))
        {
            events.Add(TriggerEvents.OrderDeleted);
        }

        return events;
    }

    /// <summary>
    /// The templates that speak for an event of the order: the offer's, else the campaign's, else the default. A
    /// template speaks when it is enabled and on the trigger (and an offer's when its offer constraint holds), even
    /// if its other constraints do not hold for this order, as for bookings: the campaign said what this event sends.
    /// </summary>
    public static OrderTemplates Choose(string eventName, IReadOnlyList<VersionedTemplate> campaignTemplates, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(campaignTemplates);
        ArgumentNullException.ThrowIfNull(facts);
        var onTrigger = campaignTemplates.Where(t => t.Template.Enabled != false && t.Template.Trigger?.Event == eventName).ToList();
        var forOffer = onTrigger.Where(t => IsOffers(t.Template) && ConstraintMatcher.Matches([.. OfferConstraints(t.Template)], facts)).ToList();
        if (forOffer.Count > 0)
        {
            return new OrderTemplates(forOffer, OrderTemplateSource.Offer);
        }

        var campaign = onTrigger.Where(t => !IsOffers(t.Template)).ToList();
        return campaign.Count > 0
            ? new OrderTemplates(campaign, OrderTemplateSource.Campaign)
            : new OrderTemplates(BuiltInEmails.For(eventName), OrderTemplateSource.Default);
    }

    /// <summary>What an order's messages know of the order and its row: the order, its trial and card, the confirmed charge, the extension link.</summary>
    public static MessageFactsBuilder Facts(MessageFactsBuilder facts, Order order, WorkflowEvent? row)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(order);
        var link = row?.Link ?? order.Workflow.FirstOrDefault(w => w.Kind == WorkflowKind.ExtensionOffer && w.ResendOf is null)?.Link;
        facts.Order(order, link);
        if (row is { Kind: WorkflowKind.PaymentConfirmation })
        {
            facts.Payment(order, order.ChargeConfirmedBy(row));
        }

        return facts;
    }

    /// <summary>What an order's message keys name besides the event: the order, and for a resent email its row (a resend is a message of its own).</summary>
    public static string About(Order order, WorkflowEvent? row)
    {
        ArgumentNullException.ThrowIfNull(order);
        return row?.ResendOf is null ? order.Number : $"{order.Number}/{row.Id}";
    }

    /// <summary>The built-in email of a workflow row: its default template rendered with what the order knows.</summary>
    public static (string Subject, string Body) DefaultEmail(Order order, WorkflowEvent e)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(e);
        var eventName = TriggerOf(e.Kind);
        var facts = Facts(new MessageFactsBuilder(), order, e).Build();
        var template = BuiltInEmails.For(eventName).First(t => TemplateSelection.Applies(t.Template, eventName, facts));
        var rendered = TemplateRenderer.Render(template.Template, facts);
        return (rendered.Subject ?? "", rendered.Text);
    }

    private static bool IsOffers(MessageTemplate template) => OfferConstraints(template).Any();

    private static IEnumerable<TemplateConstraint> OfferConstraints(MessageTemplate template) => (template.Constraints ?? []).Where(c => c.Field == OfferField);
}
