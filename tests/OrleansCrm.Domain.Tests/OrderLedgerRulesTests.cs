using System.Text.Json;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Domain.Payments;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

/// <summary>The money rules the order keeps itself (they lived in the grain): refunds, prepayments, discounts, upsell providers, charge attempts.</summary>
public sealed class OrderLedgerRulesTests
{
    [Fact]
    public void A_refund_with_no_amount_is_everything_refundable_and_never_more_than_was_received()
    {
        var order = PaidTrial();

        Assert.Equal(order.Refundable(), order.RefundAsked(null));
        Assert.Equal(["amount"], Refusals.FieldsOf(() => order.RefundAsked(order.Refundable() + 1m)));
        Assert.Equal(["amount"], Refusals.FieldsOf(() => order.RefundAsked(0m)));
        Assert.Equal(["amount"], Refusals.FieldsOf(() => order.RefundAsked(0.001m)));
    }

    [Fact]
    public void A_refund_is_refused_on_an_order_that_took_no_money_yet()
    {
        var order = Unpaid();

        Assert.Equal(ProblemKind.Conflict, Assert.Throws<DomainException>(() => order.RefundAsked(1m)).Kind);
    }

    [Fact]
    public void Keyless_refunds_take_a_key_of_their_own_each_and_a_client_key_names_its_refund()
    {
        var order = PaidTrial();

        Assert.Equal($"{Number}:refund-1", order.RefundKeyPrefix(null));
        Assert.Equal($"{Number}:refund-2", order.RefundKeyPrefix(null));
        Assert.Equal($"{Number}:refund:k1", order.RefundKeyPrefix(new ClientRequest("k1", "f")));
        Assert.Equal($"{Number}:refund:k1", order.RefundKeyPrefix(new ClientRequest("k1", "f")));
    }

    [Fact]
    public void Refund_requests_split_over_the_charges_newest_first_each_under_a_key_from_the_order_and_the_charge()
    {
        var order = PaidTrial();
        var newest = order.Payments.Last(p => p.Kind == PaymentKind.Charge);

        var requests = order.RefundRequests(order.Refundable(), $"{Number}:refund:k1", "returned");

        Assert.Equal(newest.TransactionId, requests[0].Request.ChargeTransactionId);
        Assert.Equal($"{Number}:refund:k1:{newest.TransactionId}", requests[0].Request.IdempotencyKey);
        Assert.Equal(order.Refundable(), requests.Sum(r => r.Amount));
    }

    [Fact]
    public void A_prepayment_is_taken_only_when_the_offer_allows_it()
    {
        var order = Trial();

        var refusal = Assert.Throws<DomainException>(() => order.PrepaymentAsked(10m, null, offerAllowsPrepayment: false, null));

        Assert.Equal("Prepayment not allowed", refusal.Title);
    }

    [Fact]
    public void A_prepayment_never_covers_more_than_is_still_owed_and_keyless_attempts_take_keys_of_their_own()
    {
        var order = Trial();

        Assert.Equal(["amount"], Refusals.FieldsOf(() => order.PrepaymentAsked(order.PrepayableOwed() + 1m, null, true, null)));
        var first = order.PrepaymentAsked(10m, null, true, null);
        var second = order.PrepaymentAsked(10m, null, true, null);
        var keyed = order.PrepaymentAsked(10m, null, true, new ClientRequest("k1", "f"));

        Assert.Equal($"{Number}:prepayment-1", first.IdempotencyKey);
        Assert.Equal($"{Number}:prepayment-2", second.IdempotencyKey);
        Assert.Equal($"{Number}:prepayment:k1", keyed.IdempotencyKey);
        Assert.Equal(order.CardToken, keyed.CardToken);
        Assert.Equal(1000, keyed.AmountMinor);
    }

    [Fact]
    public void A_discount_takes_a_positive_amount_in_the_currency_s_decimals()
    {
        var order = Trial();

        Assert.Equal(10m, order.DiscountAsked(10m));
        Assert.Equal(["amount"], Refusals.FieldsOf(() => order.DiscountAsked(null)));
        Assert.Equal(["amount"], Refusals.FieldsOf(() => order.DiscountAsked(-1m)));
    }

    [Fact]
    public void An_upsell_is_paid_through_the_campaign_s_providers_the_first_unless_another_is_asked()
    {
        var checkout = new UpsellCheckout("100001", "camp-1", "serum", 1, "standard", null, null);

        Assert.Equal("sandbox", checkout.ProviderAmong(["sandbox", "other"]));
        Assert.Equal("other", (checkout with { PaymentProvider = "other" }).ProviderAmong(["sandbox", "other"]));
        Assert.Equal(["paymentProvider"], Refusals.FieldsOf(() => (checkout with { PaymentProvider = "else" }).ProviderAmong(["sandbox"])));
        Assert.Equal("No payment provider", Assert.Throws<DomainException>(() => checkout.ProviderAmong([])).Title);
    }

    [Fact]
    public void An_upsell_is_paid_with_the_token_given_or_the_main_order_s_card_on_file()
    {
        var main = PaidTrial();
        var checkout = new UpsellCheckout(main.Number, "camp-1", "serum", 1, "standard", null, null);

        Assert.Equal(main.CardToken, checkout.CardTokenFor(main));
        Assert.Equal("tok_other", (checkout with { CardToken = "tok_other" }).CardTokenFor(main));
    }

    [Fact]
    public void A_charge_attempt_is_on_record_before_the_provider_hears_of_it()
    {
        var order = Trial();

        order.NoteChargeAttempt(WorkflowIds.ProductCharge);

        Assert.Equal(1, order.Event(WorkflowIds.ProductCharge).Attempts);
        Assert.Equal(order.ChargeKey(order.Event(WorkflowIds.ProductCharge)), order.ChargeRequestFor(order.Event(WorkflowIds.ProductCharge), Said.Sentence).IdempotencyKey);
    }

    [Fact]
    public void The_extension_offer_email_needs_its_link_once_and_keeps_it()
    {
        var order = Trial();
        var offer = order.Event(WorkflowIds.ExtensionOffer);

        Assert.True(Order.NeedsExtensionLink(offer));
        order.GiveExtensionLink(offer.Id, "https://crm.example/x");

        Assert.False(Order.NeedsExtensionLink(offer));
        Assert.Equal("https://crm.example/x", offer.Link);
    }

    [Fact]
    public void An_order_written_as_json_by_property_name_reads_back_the_same()
    {
        var order = PaidTrial();
        order.AddNote("call back", "agent-1", Day(16));
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var json = JsonSerializer.Serialize(order, options);
        var back = JsonSerializer.Deserialize<Order>(json, options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, options));
        Assert.Equal(order.Workflow.Count, back.Workflow.Count);
        Assert.Equal(order.Status, back.Status);
    }
}
