using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

public sealed class BuiltInEmailTests
{
    private const string Link = "https://crm.example/api/v1/trial-extensions/tok-abc";

    /// <summary>A trial order that went all the way to PaymentFailed, so it has every kind of email row.</summary>
    private static Order WithEveryEmail(CustomerSnapshot? customer = null)
    {
        var order = Trial(customer: customer);
        order.GiveExtensionLink(WorkflowIds.ExtensionOffer, Link);
        Charge(order, WorkflowIds.ProductCharge, PaymentStatus.HardDeclined, Day(15));
        return order;
    }

    public static TheoryData<string> EmailRows() =>
    [
        WorkflowIds.OrderConfirmation,
        WorkflowIds.TrialReminder,
        WorkflowIds.ExtensionOffer,
        WorkflowIds.PaymentConfirmation,
        WorkflowIds.PaymentFailedNotice,
    ];

    [Theory]
    [MemberData(nameof(EmailRows))]
    public void Each_workflow_email_names_the_customer_and_the_order(string eventId)
    {
        var order = WithEveryEmail();

        var (subject, body) = OrderMessages.DefaultEmail(order, order.Event(eventId));

        Assert.False(string.IsNullOrWhiteSpace(subject));
        Assert.Contains("Maria Rossi", body);
        Assert.Contains(Number, body);
    }

    [Fact]
    public void The_extension_offer_carries_the_extension_link_and_the_extension_days()
    {
        var order = WithEveryEmail();

        var (subject, body) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.ExtensionOffer));

        Assert.Contains(Link, body);
        Assert.Contains("15 days", subject);
    }

    [Fact]
    public void The_reminder_subject_says_7_days_gone_7_left()
    {
        var order = Trial();

        var (subject, body) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.TrialReminder));

        Assert.Contains("7 days gone, 7 left", subject);
        Assert.Contains("USD 49.95", body);
    }

    [Fact]
    public void The_trial_confirmation_tells_the_SH_amount_the_trial_length_and_the_product_price()
    {
        var order = Trial(deliveryMethodId: "std");

        var (subject, body) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.OrderConfirmation));

        Assert.Contains(Number, subject);
        Assert.Contains("USD 9.95", body);
        Assert.Contains("15-day trial", body);
        Assert.Contains("USD 49.95", body);
    }

    [Fact]
    public void A_non_trial_confirmation_tells_the_order_total()
    {
        var order = Place(Request(trial: false, deliveryMethodId: "std"));

        var (_, body) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.OrderConfirmation));

        Assert.Contains("USD 59.90", body);
        Assert.DoesNotContain("trial", body);
    }

    [Fact]
    public void The_payment_confirmation_states_the_amount_and_currency_the_masked_card_and_brand_the_date_and_the_order()
    {
        var order = TrialBeforeProductCharge();
        RunDue(order, Day(15));

        var (subject, body) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.PaymentConfirmation));

        Assert.Contains(Number, subject);
        Assert.Contains($"Order:   {Number}", body);
        Assert.Contains("Amount:  USD 49.95", body);
        Assert.Contains("Card:    visa XXXX XXXX XXXX 4242", body);
        Assert.Contains("Date:    2026-03-17 (Europe/Rome)", body); // day 15 after 2026-03-02 14:00 UTC, in Rome
        Assert.Contains("Receipt: txn-product-charge", body);
    }

    [Fact]
    public void The_payment_confirmation_after_a_dunning_retry_states_the_retry_that_went_through_and_its_date()
    {
        var order = TrialBeforeProductCharge();
        RunDue(order, Day(15), e => e.Id == WorkflowIds.ProductCharge ? PaymentStatus.Declined : PaymentStatus.Approved);
        RunDue(order, Day(16));

        var (_, body) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.PaymentConfirmation));

        Assert.Contains("Amount:  USD 49.95", body);
        Assert.Contains("Date:    2026-03-18", body);
        Assert.Contains("Receipt: txn-product-charge-retry-1", body);
    }

    [Fact]
    public void A_non_trial_payment_confirmation_states_the_whole_order_charge_and_a_resend_says_the_same()
    {
        var order = Place(Request(trial: false, deliveryMethodId: "std"));
        RunDue(order, PlacedAt);

        var (_, body) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.PaymentConfirmation));
        var copy = order.Resend(WorkflowIds.PaymentConfirmation, Day(1));

        Assert.Contains("Amount:  USD 59.90", body);
        Assert.Contains("Card:    visa XXXX XXXX XXXX 4242", body);
        Assert.Contains("Date:    2026-03-02", body);
        Assert.Equal(body, OrderMessages.DefaultEmail(order, copy).Body);
    }

    [Fact]
    public void The_payment_failed_email_names_only_the_last_four_digits_of_the_card()
    {
        var order = WithEveryEmail();

        var (_, body) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.PaymentFailedNotice));

        Assert.Contains("ending in 4242", body);
    }

    [Fact]
    public void Dates_are_written_in_the_customers_time_zone_west_of_UTC()
    {
        // Placed 2026-03-02 02:00 UTC: the charge falls on 2026-03-17 02:00 UTC, still the 16th in Los Angeles.
        var customer = Maria with { TimeZone = "America/Los_Angeles" };
        var order = Order.Place(Number, Request().ToCommand(), Offer(), customer, Card, new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), Agent);

        var (_, confirmation) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.OrderConfirmation));
        var (_, reminder) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.TrialReminder));
        var (_, offer) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.ExtensionOffer));

        Assert.All([confirmation, reminder, offer], body =>
        {
            Assert.Contains("2026-03-16", body);
            Assert.DoesNotContain("2026-03-17", body);
        });
    }

    [Fact]
    public void Dates_are_written_in_the_customers_time_zone_east_of_UTC()
    {
        // Placed 2026-03-01 20:00 UTC: the charge falls on 2026-03-16 20:00 UTC, already the 17th in Tokyo.
        var customer = Maria with { TimeZone = "Asia/Tokyo" };
        var order = Order.Place(Number, Request().ToCommand(), Offer(), customer, Card, new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero), Agent);

        var (_, body) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.TrialReminder));

        Assert.Contains("2026-03-17", body);
        Assert.DoesNotContain("2026-03-16", body);
    }

    [Fact]
    public void After_an_extension_the_emails_name_the_extended_charge_date()
    {
        var order = Trial();
        RunDue(order, Day(14));
        order.Extend(Day(14));

        var (_, body) = OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.OrderConfirmation));

        // Day 30 after 2026-03-02 14:00 UTC is 2026-04-01 in Rome.
        Assert.Contains("2026-04-01", body);
    }

    [Fact]
    public void A_resent_email_gets_the_same_text_as_the_original()
    {
        var order = Trial();
        RunDue(order, PlacedAt);

        var copy = order.Resend(WorkflowIds.OrderConfirmation, Day(1));

        Assert.Equal(OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.OrderConfirmation)), OrderMessages.DefaultEmail(order, copy));
    }

    [Fact]
    public void A_row_that_is_not_an_email_has_no_text()
    {
        var order = Trial();

        Assert.Throws<ArgumentOutOfRangeException>(() => OrderMessages.DefaultEmail(order, order.Event(WorkflowIds.ProductCharge)));
    }
}
