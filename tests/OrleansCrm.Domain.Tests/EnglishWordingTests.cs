using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Presentation;

namespace OrleansCrm.Domain.Tests;

/// <summary>The product's wordings and their English templates: every code is rendered, each as the sentence the order or the call wrote before.</summary>
public sealed class EnglishWordingTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 15, 9, 5, 0, TimeSpan.Zero);

    /// <summary>Every code of every catalog: the order's and the call's.</summary>
    private static readonly IReadOnlyList<WordingCode> Catalog = [.. OrderWording.All, .. CallWording.All];

    private static readonly JsonSerializerOptions OldBlobs = new() { Converters = { new JsonStringEnumConverter() } };

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var code in Catalog)
        {
            data.Add(code.Code);
        }

        return data;
    }

    [Fact]
    public void The_catalog_names_each_code_once()
    {
        Assert.NotEmpty(OrderWording.All);
        Assert.NotEmpty(CallWording.All);
        Assert.Equal(Catalog.Count, Catalog.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_an_English_template_that_uses_exactly_the_values_the_code_supplies(string code)
    {
        var wording = Catalog.Single(c => c.Code == code);

        Assert.True(EnglishWording.Templates.TryGetValue(code, out var template), $"'{code}' has no English template");
        Assert.Equal(wording.Values.Order(StringComparer.Ordinal), EnglishWording.PlaceholdersOf(template!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_English_template_belongs_to_a_code_of_the_catalog()
    {
        Assert.All(EnglishWording.Templates.Keys, key => Assert.Contains(Catalog, c => c.Code == key));
    }

    public static TheoryData<Wording, string> Sentences() => new()
    {
        { OrderWording.OutcomeUnknown.With(), "Outcome unknown (the provider did not answer); it is asked again with the same key." },
        { OrderWording.Charged.With("USD 49.95", "txn-1"), "Charged USD 49.95, transaction txn-1" },
        { OrderWording.Declined.With("Insufficient funds", "insufficient_funds"), "Declined: Insufficient funds (insufficient_funds)" },
        { OrderWording.ChargeNeverSent.With("Cancelled"), "Cancelled: the order is Cancelled and the provider never received this charge." },
        { OrderWording.Refunded.With("JPY 500"), "Refunded JPY 500" },
        { OrderWording.RefundRefused.With("Card closed"), "Refund refused by the provider: Card closed" },
        { OrderWording.Cancelled.With("order refunded"), "Cancelled: order refunded" },
        { OrderWording.HeldAutoPaymentsOff.With(), "Auto-payments are disabled for this customer." },
        { OrderWording.HeldAutoPaymentsDisabledBy.With("admin-1"), "Auto-payments disabled by admin-1." },
        {
            OrderWording.ChargeMoved.With(OrderWording.Instant(new DateTimeOffset(2026, 3, 15, 9, 5, 0, TimeSpan.Zero)), OrderWording.Instant(new DateTimeOffset(2026, 3, 22, 9, 5, 0, TimeSpan.Zero))),
            "Product charge moved from 2026-03-15 09:05 UTC to 2026-03-22 09:05 UTC"
        },
        { OrderWording.EmailSent.With("maria@example.com", "msg-1"), "Sent to maria@example.com, message id msg-1" },
        { OrderWording.EmailNotDelivered.With("maria@example.com", "mailbox full"), "Not delivered to maria@example.com: mailbox full" },
        { OrderWording.EmailQueued.With("maria@example.com", "2", "timeout"), "Queued for maria@example.com (attempt 2): timeout" },
        { OrderWording.EmailNoAddress.With(), "Not sent: the customer has no email address." },
        { OrderWording.EmailByTemplates.With(OrderWording.Count(2)), "Sent by the campaign's templates: 2 message(s) handed to the outbox, none an email to follow here." },
        { OrderWording.EmailNoTemplateMessage.With(), "Not sent: the campaign's templates made no message for this order (none applied, or each was skipped)." },
        { OrderWording.NoteStatusChanged.With("Pending", "Paid", "Product charge approved"), "Status changed from Pending to Paid: Product charge approved." },
        { OrderWording.NoteUpsellPlaced.With("ORD-1", "2", "Cream", "Express", "USD 44.98"), "Upsell of order ORD-1: 2 × Cream, shipping Express, USD 44.98." },
        { OrderWording.NoteUpsellSold.With("ORD-2", "USD 44.98", "agent-1"), "Upsell order ORD-2 (USD 44.98) placed by agent-1." },
        { OrderWording.NoteAutoCancelDisabled.With("agent-1"), "Auto-cancel disabled by agent-1." },
        { OrderWording.NoteAutoCancelSet.With(OrderWording.Instant(new DateTimeOffset(2026, 3, 15, 9, 5, 0, TimeSpan.Zero)), "agent-1"), "Auto-cancel date set to 2026-03-15T09:05:00.0000000+00:00 by agent-1." },
        { OrderWording.NoteAnalyticsRemoved.With("admin-1"), "Analytics (source, channel) removed by admin-1." },
        { OrderWording.NoteAlreadyPaid.With("agent-1", "call-1", "Paid by bank transfer"), "Marked already paid by agent-1 on call call-1: the customer says this order is already paid: Paid by bank transfer. It is never called about again." },
        { OrderWording.NoteAlreadyPaid.With("agent-1", "call-1", null), "Marked already paid by agent-1 on call call-1: the customer says this order is already paid. It is never called about again." },
        { OrderWording.NoteTaskUpdated.With("task-1", "agent-1", "agent-2", OrderWording.Instant(new DateTimeOffset(2026, 3, 15, 9, 5, 0, TimeSpan.Zero))), "Task 'task-1' updated by agent-1: assignee agent-2, due 2026-03-15T09:05:00.0000000+00:00." },
        { OrderWording.NoteTaskUpdated.With("task-1", "agent-1", null, null), "Task 'task-1' updated by agent-1: assignee none, due none." },
        { OrderWording.NoteRefundRefused.With("USD 10.00", "change-1", "Card closed"), "The refund of USD 10.00 for change-1 was refused by the provider (Card closed); refund it by hand." },
        { OrderWording.NoteFullRefund.With("USD 49.95", "supervisor", null), "Full refund of USD 49.95 by supervisor." },
        { OrderWording.NotePartialRefund.With("USD 10.00", "supervisor", "goodwill"), "Partial refund of USD 10.00 by supervisor: goodwill." },
        { OrderWording.NotePrepayment.With("USD 20.00", "agent-1"), "Prepayment of USD 20.00 taken by agent-1." },
        { OrderWording.NoteLateCharge.With("USD 49.95", "Cancelled"), "A charge of USD 49.95 that was in doubt when the order became Cancelled went through at the provider; refund it if it is not owed." },
        {
            OrderWording.NoteTrialExtended.With(OrderWording.Instant(new DateTimeOffset(2026, 3, 15, 9, 5, 0, TimeSpan.Zero)), OrderWording.Instant(new DateTimeOffset(2026, 3, 22, 9, 5, 0, TimeSpan.Zero))),
            "Trial extended by the customer: product charge moved from 2026-03-15T09:05:00.0000000+00:00 to 2026-03-22T09:05:00.0000000+00:00."
        },
        { OrderWording.NoteChargesHeld.With("Shipping charge, Product charge"), "Auto-payments disabled: Shipping charge, Product charge on hold." },
        { OrderWording.NoteChargesReleased.With("Product charge"), "Auto-payments enabled again: Product charge released." },
        { OrderWording.NoteFulfillmentHeld.With("agent-1", "address to check"), "Fulfillment held by agent-1: address to check." },
        { OrderWording.NoteFulfillmentHeld.With("agent-1", null), "Fulfillment held by agent-1." },
        { OrderWording.NoteFulfillmentReleased.With("agent-1"), "Fulfillment released by agent-1." },
        { OrderWording.NoteFulfillmentCancelled.With("agent-1", "out of stock"), "Fulfillment cancelled by agent-1: out of stock." },
        { OrderWording.NoteDiscount.With("USD 10.00", "supervisor", "goodwill", null), "Discount of USD 10.00 by supervisor: goodwill." },
        { OrderWording.NoteDiscount.With("USD 10.00", "supervisor", null, "USD 5.00"), "Discount of USD 10.00 by supervisor; USD 5.00 refunded through the provider." },
        {
            OrderWording.NoteQuantityDecreased.With("Cream", "3", "1", "supervisor", "USD 99.90", "fewer wanted", "USD 99.90"),
            "Quantity of Cream decreased from 3 to 1 by supervisor (USD 99.90 less): fewer wanted; USD 99.90 refunded through the provider."
        },

        // Status reasons and cancel reasons, each as the order wrote it in English before (StatusChange.Reason, "Cancelled: …").
        { OrderWording.Text.With("Customer refused"), "Customer refused" },
        { OrderWording.ReasonPlaced.With(), "Order placed" },
        { OrderWording.ReasonUpsellPlaced.With("100001"), "Upsell order placed on a call about order 100001" },
        { OrderWording.ReasonConfirmed.With(), "Confirmed by the customer on the phone" },
        { OrderWording.ReasonCancelledBy.With("agent-1"), "Cancelled by agent-1" },
        { OrderWording.ReasonDeleted.With(), "Deleted by an admin (kept for audit)" },
        { OrderWording.ReasonFulfillment.With(OrderStatus.Shipped.ToString()), $"Fulfillment: {OrderStatus.Shipped}" },
        { OrderWording.ReasonFulfillmentCancelled.With(), "Fulfillment cancelled" },
        { OrderWording.ReasonAutoCancelled.With(OrderWording.Instant(At)), $"Auto-cancelled: unpaid on its auto-cancel date {(DateTimeOffset?)At:O}" },
        { OrderWording.ReasonChargeApproved.With(OrderWording.Text.With("Product charge at trial end")), "Product charge at trial end approved" },
        { OrderWording.ReasonPrepaid.With(), "prepaid in full" },
        { OrderWording.ReasonNothingLeftAfter.With("change-1"), "nothing left to charge after change-1" },
        { OrderWording.ReasonHardDeclined.With("Card reported stolen"), "Payment failed: the card was hard-declined (Card reported stolen); no retry" },
        { OrderWording.ReasonHardDeclined.With((string?)null), "Payment failed: the card was hard-declined (); no retry" },
        { OrderWording.ReasonRetriesDeclined.With("3", "Insufficient funds"), "Payment failed: the last of 3 retries was declined (Insufficient funds)" },
        { OrderWording.ReasonRefunded.With(), "Refunded in full" },
        { OrderWording.CancelOrderDeleted.With(), "order deleted" },
        { OrderWording.CancelPaymentFailed.With(), "payment failed" },
        { OrderWording.CancelOrderRefunded.With(), "order refunded" },
        { OrderWording.CancelPaidInAdvance.With(), "paid in advance" },
        { OrderWording.CancelNothingLeft.With(), "nothing left to charge" },

        // A sentence inside a sentence renders in place.
        { OrderWording.NoteStatusChanged.With("Trial", "Cancelled", OrderWording.ReasonCancelledBy.With("agent-1")), "Status changed from Trial to Cancelled: Cancelled by agent-1." },
        { OrderWording.Cancelled.With(OrderWording.CancelPaymentFailed.With()), "Cancelled: payment failed" },
        { OrderWording.Cancelled.With(CallWording.RefusalOn.With("call-1", "too expensive")), "Cancelled: Refusal on call call-1: too expensive" },

        // What a workflow row is (WorkflowEvent.Description), as the order wrote it before.
        { OrderWording.RowShippingCharge.With(), "Shipping & handling charge" },
        { OrderWording.RowOrderConfirmation.With(), "Order confirmation email" },
        { OrderWording.RowTrialReminder.With("7", "7"), "Trial reminder email (7 days gone, 7 left)" },
        { OrderWording.RowExtensionOffer.With(), "Extension offer email (with the extension link)" },
        { OrderWording.RowProductCharge.With(), "Product charge at trial end" },
        { OrderWording.RowProductChargeExtended.With(), "Product charge at the end of the extended trial" },
        { OrderWording.RowPaymentConfirmation.With(), "Payment confirmation email" },
        { OrderWording.RowOrderCharge.With(), "Order charge" },
        { OrderWording.RowProductChargeRetry.With("1", "3"), "Product charge, retry 1 of 3" },
        { OrderWording.RowPaymentFailedNotice.With(), "Payment failed email" },
        { OrderWording.RowResent.With(OrderWording.RowOrderConfirmation.With()), "Order confirmation email (resent)" },
        { OrderWording.RowResent.With(OrderWording.Text.With("Order confirmation email")), "Order confirmation email (resent)" },
        { OrderWording.RowTrialExtended.With("10"), "Trial extended by 10 days" },
        { OrderWording.RowDiscountRefund.With("change-1"), "Refund for a discount (change-1)" },
        { OrderWording.RowFewerItemsRefund.With("change-2"), "Refund for fewer items (change-2)" },
        {
            OrderWording.NoteChargesHeld.With(new List<Wording> { OrderWording.RowShippingCharge.With(), OrderWording.RowProductCharge.With() }),
            "Auto-payments disabled: Shipping & handling charge, Product charge at trial end on hold."
        },
        { OrderWording.ReasonChargeApproved.With(OrderWording.RowOrderCharge.With()), "Order charge approved" },
        { OrderWording.NoteFullRefund.With("USD 5.00", "supervisor", OrderWording.RowDiscountRefund.With("change-1")), "Full refund of USD 5.00 by supervisor: Refund for a discount (change-1)." },

        // Moving a trial's end (new with PUT /orders/{n}/trial-end).
        { OrderWording.RowTrialEndMoved.With("sup-1"), "Trial end moved by sup-1" },
        { OrderWording.NoteTrialEndMoved.With("2026-03-16T09:00:00.0000000+00:00", "2026-03-20T09:00:00.0000000+00:00", "sup-1"), "Trial end moved by sup-1: product charge moved from 2026-03-16T09:00:00.0000000+00:00 to 2026-03-20T09:00:00.0000000+00:00." },

        // The call's sentences, as it wrote them before.
        { CallWording.RefusalOn.With("call-1", "too expensive"), "Refusal on call call-1: too expensive" },
        { CallWording.RefusalOn.With("call-1", null), "Refusal on call call-1" },
        { CallWording.ReplacedBy.With("100002", "call-1"), "Replaced by order 100002 on call call-1" },
        { CallWording.InvalidContactOn.With("call-1"), "Invalid contact on call call-1" },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void A_wording_renders_as_the_English_sentence_the_order_wrote_before(Wording wording, string english)
    {
        Assert.Equal(english, EnglishWording.Render(wording));
    }

    [Fact]
    public void Every_code_has_a_sentence_test()
    {
        var tested = Sentences().Select(row => row.Data.Item1.Code).ToHashSet(StringComparer.Ordinal);

        Assert.All(Catalog, code => Assert.Contains(code.Code, tested));
    }

    [Fact]
    public void A_workflow_row_stored_by_the_build_before_shows_its_English_result()
    {
        var row = JsonSerializer.Deserialize<WorkflowEvent>(
            """{"Id":"product-charge","Kind":"ProductCharge","Type":"Charge","Description":"Product charge","ScheduledAt":"2026-03-15T09:05:00+00:00","Status":"Completed","Result":"Charged USD 49.95, transaction txn-1"}""",
            OldBlobs)!;

        Assert.Null(row.ResultWording);
        Assert.Equal("Charged USD 49.95, transaction txn-1", Said.Result(row));
    }

    [Fact]
    public void A_workflow_row_stored_by_the_build_before_shows_its_English_description_and_names_it_so_in_later_sentences()
    {
        var row = JsonSerializer.Deserialize<WorkflowEvent>(
            """{"Id":"order-confirmation","Kind":"OrderConfirmation","Type":"Email","Description":"Order confirmation email","ScheduledAt":"2026-03-15T09:05:00+00:00","Status":"Completed"}""",
            OldBlobs)!;

        Assert.Null(row.DescriptionWording);
        Assert.Equal("Order confirmation email", EnglishWording.Description(row));
        Assert.Equal("Order confirmation email (resent)", EnglishWording.Render(OrderWording.RowResent.With(row.Describe())));
    }

    [Fact]
    public void A_status_change_stored_by_the_build_before_shows_its_English_reason()
    {
        var change = JsonSerializer.Deserialize<StatusChange>(
            """{"From":"Trial","To":"Cancelled","At":"2026-03-15T09:05:00+00:00","By":"agent-1","Reason":"Customer refused"}""", OldBlobs)!;

        Assert.Null(change.ReasonWording);
        Assert.Equal("Customer refused", EnglishWording.Reason(change));
    }

    [Fact]
    public void An_order_change_stored_by_the_build_before_shows_its_English_description()
    {
        var change = JsonSerializer.Deserialize<OrderChange>(
            """{"Id":"change-1","Kind":"FulfillmentReleased","At":"2026-03-15T09:05:00+00:00","By":"agent-1","Description":"Fulfillment released by agent-1."}""", OldBlobs)!;

        Assert.Null(change.DescriptionWording);
        Assert.Equal("Fulfillment released by agent-1.", EnglishWording.Description(change));
    }

    [Fact]
    public void The_payment_provider_is_told_what_a_charge_is_in_the_English_of_before()
    {
        var order = OrderTestData.Trial();

        Assert.Equal($"Product charge at trial end, order {order.Number}", order.ChargeRequestFor(order.Event(WorkflowIds.ProductCharge), EnglishWording.Render).Description);
    }

    [Fact]
    public void A_system_note_stored_by_the_build_before_shows_its_English_text()
    {
        var note = new OrderNote("note-1", "Prepayment of USD 20.00 taken by agent-1.", Order.SystemAuthor, System: true, DateTimeOffset.UnixEpoch);

        Assert.Equal("Prepayment of USD 20.00 taken by agent-1.", Said.Text(note));
    }

    [Fact]
    public void A_code_this_build_does_not_know_shows_as_its_code()
    {
        Assert.Equal("note.from-the-future", EnglishWording.Render(new Wording("note.from-the-future", new Dictionary<string, string>())));
    }
}
