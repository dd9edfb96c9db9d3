using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Templates;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

/// <summary>
/// The five workflow emails are default templates: rendered by the template renderer they are byte for byte the
/// texts the built-in code wrote (kept below as the reference, as it stood before it became data), for trial and
/// non-trial orders, after an extension, a discount, a dunning retry, a resend and in zones either side of UTC.
/// </summary>
public sealed class DefaultTemplatesTests
{
    private const string Link = "https://crm.example/api/v1/trial-extensions/tok-abc";

    public static TheoryData<string> Orders() =>
    [
        "trial", "trial-with-delivery", "trial-extended", "trial-discounted", "trial-paid", "trial-paid-after-retry", "trial-payment-failed",
        "trial-los-angeles", "trial-tokyo", "paid-at-once", "unpaid", "upsell-currency-jpy", "trial-resent",
    ];

    [Theory]
    [MemberData(nameof(Orders))]
    public void Each_default_template_renders_byte_for_byte_the_built_in_text(string which)
    {
        var order = Build(which);
        // A payment confirmation is sent only once its charge went through (the row runs after it), so it is compared then.
        var rows = order.Workflow.Where(e => e.Type == WorkflowEventType.Email && (e.Kind != WorkflowKind.PaymentConfirmation || order.ChargeConfirmedBy(e) is not null)).ToList();
        Assert.NotEmpty(rows);

        foreach (var row in rows)
        {
            var expected = TodaysBuiltInText(order, row);
            var actual = OrderMessages.DefaultEmail(order, row);
            Assert.Equal(expected.Subject, actual.Subject);
            Assert.Equal(expected.Body, actual.Body);
            Assert.DoesNotContain("{$", actual.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_default_template_is_a_valid_template_of_its_trigger_and_every_workflow_email_has_one()
    {
        foreach (var t in BuiltInEmails.Templates)
        {
            // The sender of an email is the transport's (Smtp:From); a campaign's template names its own.
            var valid = (t.Template with { From = new TemplateSender("shop@example.com", null) }).Validated();
            Assert.Equal(MissingValueKinds.Default, valid.MissingValue!.Kind);
        }

        foreach (var kind in new[] { WorkflowKind.OrderConfirmation, WorkflowKind.TrialReminder, WorkflowKind.ExtensionOffer, WorkflowKind.PaymentConfirmation, WorkflowKind.PaymentFailedNotice })
        {
            Assert.NotEmpty(BuiltInEmails.For(OrderMessages.TriggerOf(kind)));
        }

        Assert.Empty(BuiltInEmails.For(TriggerEvents.OrderCancelled));
        Assert.Empty(BuiltInEmails.For(TriggerEvents.OrderDeleted));
    }

    [Fact]
    public void The_confirmation_default_is_chosen_by_the_orders_trial_flag()
    {
        var trial = Facts(Trial());
        var paid = Facts(Place(Request(trial: false)));
        var defaults = BuiltInEmails.For(TriggerEvents.OrderPlaced);

        Assert.Equal(["built-in:order-confirmation-trial"], defaults.Where(t => TemplateSelection.Applies(t.Template, TriggerEvents.OrderPlaced, trial)).Select(t => t.Id));
        Assert.Equal(["built-in:order-confirmation"], defaults.Where(t => TemplateSelection.Applies(t.Template, TriggerEvents.OrderPlaced, paid)).Select(t => t.Id));
    }

    [Fact]
    public void An_offers_template_wins_over_the_campaigns_which_wins_over_the_default()
    {
        var facts = Facts(Trial());
        var campaign = Versioned("campaign", TemplateSamples.Email());
        var forOffer = Versioned("for-cream", TemplateSamples.Email() with { Constraints = [new TemplateConstraint(OrderMessages.OfferField, ["offer-cream"])] });
        var forOther = Versioned("for-other", TemplateSamples.Email() with { Constraints = [new TemplateConstraint(OrderMessages.OfferField, ["offer-other"])] });

        var offerFirst = OrderMessages.Choose(TriggerEvents.OrderPlaced, [campaign, forOffer, forOther], facts);
        var campaignNext = OrderMessages.Choose(TriggerEvents.OrderPlaced, [campaign, forOther], facts);
        var defaultLast = OrderMessages.Choose(TriggerEvents.OrderPlaced, [forOther], facts);

        Assert.Equal(OrderTemplateSource.Offer, offerFirst.Source);
        Assert.Equal(["for-cream"], offerFirst.Templates.Select(t => t.Id));
        Assert.Equal(OrderTemplateSource.Campaign, campaignNext.Source);
        Assert.Equal(["campaign"], campaignNext.Templates.Select(t => t.Id));
        Assert.Equal(OrderTemplateSource.Default, defaultLast.Source);
        Assert.Equal(BuiltInEmails.For(TriggerEvents.OrderPlaced), defaultLast.Templates);
    }

    [Fact]
    public void A_disabled_template_or_one_on_another_trigger_does_not_speak_for_the_event()
    {
        var facts = Facts(Trial());
        var disabled = Versioned("off", TemplateSamples.Email() with { Enabled = false });
        var cancelled = Versioned("cancelled", TemplateSamples.Email(TriggerEvents.OrderCancelled));

        Assert.Equal(OrderTemplateSource.Default, OrderMessages.Choose(TriggerEvents.OrderPlaced, [disabled, cancelled], facts).Source);
        Assert.Equal(["cancelled"], OrderMessages.Choose(TriggerEvents.OrderCancelled, [disabled, cancelled], facts).Templates.Select(t => t.Id));
        Assert.Empty(OrderMessages.Choose(TriggerEvents.OrderDeleted, [disabled, cancelled], facts).Templates);
    }

    [Fact]
    public void A_campaign_template_whose_other_constraints_fail_still_speaks_and_sends_nothing_for_the_order()
    {
        var order = Trial();
        var facts = Facts(order);
        var italyOnly = Versioned("italy", TemplateSamples.Email() with { Constraints = [new TemplateConstraint("customer.country", ["IT"])] });

        var chosen = OrderMessages.Choose(TriggerEvents.OrderPlaced, [italyOnly], facts);

        Assert.Equal(OrderTemplateSource.Campaign, chosen.Source);
        Assert.Empty(TemplateMessages.Render(TriggerEvents.OrderPlaced, OrderMessages.About(order, null), chosen.Templates, facts));
    }

    [Fact]
    public void Each_workflow_email_fires_its_trigger_and_an_order_announces_its_cancellation_and_deletion()
    {
        Assert.Equal(TriggerEvents.OrderPlaced, OrderMessages.TriggerOf(WorkflowKind.OrderConfirmation));
        Assert.Equal(TriggerEvents.OrderTrialReminder, OrderMessages.TriggerOf(WorkflowKind.TrialReminder));
        Assert.Equal(TriggerEvents.OrderExtensionOffer, OrderMessages.TriggerOf(WorkflowKind.ExtensionOffer));
        Assert.Equal(TriggerEvents.OrderPaymentConfirmed, OrderMessages.TriggerOf(WorkflowKind.PaymentConfirmation));
        Assert.Equal(TriggerEvents.OrderPaymentFailed, OrderMessages.TriggerOf(WorkflowKind.PaymentFailedNotice));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderMessages.TriggerOf(WorkflowKind.ProductCharge));

        var order = Trial();
        Assert.Empty(OrderMessages.Announcements(order));
        order.Cancel(Day(1), Agent, "changed my mind");
        Assert.Equal([TriggerEvents.OrderCancelled], OrderMessages.Announcements(order));
        order.Delete(Day(2), "admin");
        Assert.Equal([TriggerEvents.OrderCancelled, TriggerEvents.OrderDeleted], OrderMessages.Announcements(order));
    }

    [Fact]
    public void A_campaign_template_on_an_order_trigger_is_keyed_by_event_order_template_version_and_recipient_and_a_resend_by_its_row()
    {
        var order = Trial();
        RunDue(order, PlacedAt);
        var resend = order.Resend(WorkflowIds.OrderConfirmation, Day(1));
        var template = new VersionedTemplate("thanks", 4, TemplateSamples.Email(body: "Thanks {$name} for {$order.number}: {$order.productPrice} on {$trial.chargeAt:date}.") with
        {
            Recipients = ["customer.email", "desk@example.com"],
        });

        var first = TemplateMessages.Render(TriggerEvents.OrderPlaced, OrderMessages.About(order, order.Event(WorkflowIds.OrderConfirmation)), [template], Facts(order));
        var again = TemplateMessages.Render(TriggerEvents.OrderPlaced, OrderMessages.About(order, resend), [template], Facts(order));

        Assert.Equal(["order.placed:ORD-1001:thanks:v4:maria@example.com", "order.placed:ORD-1001:thanks:v4:desk@example.com"], first.Select(m => m.Key));
        Assert.Equal([$"order.placed:ORD-1001/{resend.Id}:thanks:v4:maria@example.com", $"order.placed:ORD-1001/{resend.Id}:thanks:v4:desk@example.com"], again.Select(m => m.Key));
        Assert.Equal("Thanks Maria Rossi for ORD-1001: USD 49.95 on 2026-03-17.", first[0].Text);
        Assert.Equal("thanks@4", first[0].TemplateLabel);
    }

    private static MessageFacts Facts(Order order) => OrderMessages.Facts(new MessageFactsBuilder(), order, null).Build();

    private static VersionedTemplate Versioned(string id, MessageTemplate template) => new(id, 1, template);

    private static Order Build(string which)
    {
        switch (which)
        {
            case "trial":
                return Everything(Trial());
            case "trial-with-delivery":
                return Everything(Trial(deliveryMethodId: "std"));
            case "trial-extended":
            {
                var order = Trial();
                RunDue(order, Day(14));
                order.Extend(Day(14));
                return order;
            }

            case "trial-discounted":
            {
                var order = Trial();
                RunDue(order, PlacedAt);
                order.Discount(10m, null, null, Day(1), "supervisor");
                return order;
            }

            case "trial-paid":
                return PaidTrial();
            case "trial-paid-after-retry":
            {
                var order = TrialBeforeProductCharge();
                RunDue(order, Day(15), e => e.Id == WorkflowIds.ProductCharge ? PaymentStatus.Declined : PaymentStatus.Approved);
                RunDue(order, Day(16));
                return order;
            }

            case "trial-payment-failed":
            {
                var order = Trial();
                order.GiveExtensionLink(WorkflowIds.ExtensionOffer, Link);
                Charge(order, WorkflowIds.ProductCharge, PaymentStatus.HardDeclined, Day(15));
                return order;
            }

            case "trial-los-angeles":
                return Order.Place(Number, Request().ToCommand(), Offer(), Maria with { TimeZone = "America/Los_Angeles" }, Card, new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), Agent);
            case "trial-tokyo":
                return Order.Place(Number, Request().ToCommand(), Offer(), Maria with { TimeZone = "Asia/Tokyo" }, Card, new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero), Agent);
            case "paid-at-once":
            {
                var order = Place(Request(trial: false, deliveryMethodId: "std"));
                RunDue(order, PlacedAt);
                return order;
            }

            case "unpaid":
                return Unpaid(deliveryMethodId: "std");
            case "upsell-currency-jpy":
            {
                var order = Trial(currency: "JPY");
                RunDue(order, Day(16));
                return order;
            }

            case "trial-resent":
            {
                var order = PaidTrial();
                order.Resend(WorkflowIds.OrderConfirmation, Day(16));
                order.Resend(WorkflowIds.PaymentConfirmation, Day(16));
                return order;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(which), which, null);
        }
    }

    private static Order Everything(Order order)
    {
        order.GiveExtensionLink(WorkflowIds.ExtensionOffer, Link);
        return order;
    }

    /// <summary>The built-in texts exactly as the code wrote them before they became default templates: the reference the defaults must equal.</summary>
    private static (string Subject, string Body) TodaysBuiltInText(Order order, WorkflowEvent e)
    {
        var name = order.Customer.Name;
        var n = order.Number;
        var trial = order.Trial;
        var productCharge = order.Workflow.FirstOrDefault(w => w.Kind == WorkflowKind.ProductCharge)?.ScheduledAt;
        var chargeDate = productCharge is { } at ? TimeZones.LocalDate(at, order.Customer.TimeZone) : "";
        return e.Kind switch
        {
            WorkflowKind.OrderConfirmation => (
                $"Your order {n} is confirmed",
                $"Dear {name},\n\nthank you for your order {n}.\n" +
                (order.IsTrial
                    ? $"Today we charged {order.Format(order.ShippingAndHandling + (order.DeliveryMethod?.Price ?? 0m))} for shipping & handling. Your {trial!.TrialDays}-day trial starts today; the product price of {order.Format(order.ProductOwed())} will be charged on {chargeDate} unless you cancel.\n"
                    : $"Order total: {order.Format(order.Total())}.\n") +
                "\nKind regards,\nCustomer care"),
            WorkflowKind.TrialReminder => (
                $"Your trial: {trial!.ReminderDay} days gone, {trial.DaysLeftAtReminder()} left",
                $"Dear {name},\n\n{trial.ReminderDay} days of your trial for order {n} are gone and {trial.DaysLeftAtReminder()} are left. " +
                $"On {chargeDate} we will charge {order.Format(order.ProductOwed())} for the product.\n\nKind regards,\nCustomer care"),
            WorkflowKind.ExtensionOffer => (
                $"Need more time? Extend your trial by {trial!.ExtensionDays} days",
                $"Dear {name},\n\nyour trial for order {n} ends on {chargeDate}. You can extend it once by {trial.ExtensionDays} days, free of charge:\n\n{e.Link}\n\n" +
                $"The product price of {order.Format(order.ProductOwed())} is then charged at the end of the extended trial.\n\nKind regards,\nCustomer care"),
            WorkflowKind.PaymentConfirmation => (
                $"Payment received for order {n}",
                $"Dear {name},\n\nwe received your payment for order {n}. Thank you!\n\n{PaymentLines(order, e)}\nKind regards,\nCustomer care"),
            WorkflowKind.PaymentFailedNotice => (
                $"We could not charge your card for order {n}",
                $"Dear {name},\n\nwe could not charge the card ending in {order.Card?.Last4} for order {n}. Please call us to update your payment details.\n\nKind regards,\nCustomer care"),
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "Not an email of the workflow."),
        };
    }

    private static string PaymentLines(Order order, WorkflowEvent e)
    {
        if (order.ChargeConfirmedBy(e) is not { } charge)
        {
            return "";
        }

        var card = order.Card is { } c ? $"{c.Brand} {c.Masked}" : "the card on file";
        return $"Order:   {order.Number}\n" +
               $"Amount:  {order.Format(charge.Amount)}\n" +
               $"Card:    {card}\n" +
               $"Date:    {TimeZones.LocalDate(charge.At, order.Customer.TimeZone)} ({order.Customer.TimeZone})\n" +
               $"Receipt: {charge.TransactionId}\n";
    }
}
