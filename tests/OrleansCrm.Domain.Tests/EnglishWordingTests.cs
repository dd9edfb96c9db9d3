using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Presentation;

namespace OrleansCrm.Domain.Tests;

/// <summary>The order's wordings and their English templates: every code is rendered, each as the sentence the order wrote before.</summary>
public sealed class EnglishWordingTests
{
    private static readonly JsonSerializerOptions OldBlobs = new() { Converters = { new JsonStringEnumConverter() } };

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var code in OrderWording.All)
        {
            data.Add(code.Code);
        }

        return data;
    }

    [Fact]
    public void The_catalog_names_each_code_once()
    {
        Assert.NotEmpty(OrderWording.All);
        Assert.Equal(OrderWording.All.Count, OrderWording.All.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_an_English_template_that_uses_exactly_the_values_the_code_supplies(string code)
    {
        var wording = OrderWording.All.Single(c => c.Code == code);

        Assert.True(EnglishWording.Templates.TryGetValue(code, out var template), $"'{code}' has no English template");
        Assert.Equal(wording.Values.Order(StringComparer.Ordinal), EnglishWording.PlaceholdersOf(template!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_English_template_belongs_to_a_code_of_the_catalog()
    {
        Assert.All(EnglishWording.Templates.Keys, key => Assert.Contains(OrderWording.All, c => c.Code == key));
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

        Assert.All(OrderWording.All, code => Assert.Contains(code.Code, tested));
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
