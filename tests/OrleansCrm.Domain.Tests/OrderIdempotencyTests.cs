using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

/// <summary>One rule for every Idempotency-Key: the same key with the same request is a retry, with another request a 409.</summary>
public sealed class OrderIdempotencyTests
{
    private const string Agent = "agent-1";

    [Fact]
    public void The_same_key_with_the_same_request_repeats_it_and_with_another_request_is_refused()
    {
        var asked = new ClientRequest("key-1", "amount 10");

        Assert.False(asked.Repeats(null));
        Assert.True(asked.Repeats("amount 10"));
        var refusal = Assert.Throws<DomainException>(() => asked.Repeats("amount 11"));
        Assert.Equal(ProblemKind.Conflict, refusal.Kind);
        Assert.Equal("Idempotency-Key reused", refusal.Title);
    }

    [Fact]
    public void A_scope_key_depends_on_the_client_the_purpose_and_the_key_and_keeps_the_first_placement_form()
    {
        Assert.Equal(ClientRequest.ScopeOf("upsell", "u1", "k"), ClientRequest.ScopeOf("upsell", "u1", "k"));
        Assert.NotEqual(ClientRequest.ScopeOf("upsell", "u1", "k"), ClientRequest.ScopeOf("upsell", "u2", "k"));
        Assert.NotEqual(ClientRequest.ScopeOf("upsell", "u1", "k"), ClientRequest.ScopeOf("customer", "u1", "k"));
        Assert.NotEqual(ClientRequest.ScopeOf(null, "u1", "k"), ClientRequest.ScopeOf("upsell", "u1", "k"));
        Assert.Equal(64, ClientRequest.ScopeOf(null, "u1", "k").Length);
    }

    [Fact]
    public void A_prepayment_taken_under_a_key_is_the_answer_to_its_retry()
    {
        var order = Trial();
        var asked = new ClientRequest("key-1", "prepayment 10");

        order.RecordPrepayment(PrepaymentResult(order, 10m, Day(1)), 10m, Day(1), Agent, asked);

        Assert.True(order.Answered(asked));
        Assert.Throws<DomainException>(() => order.Answered(asked with { Fingerprint = "prepayment 20" }));
        Assert.False(order.Answered(new ClientRequest("key-2", "prepayment 10")));
    }

    [Fact]
    public void An_order_stored_before_answered_requests_were_kept_answers_a_retry_from_the_change_made_under_the_key()
    {
        var order = TrialBeforeProductCharge();
        var change = order.Discount(10m, null, null, Day(14), "supervisor");
        var stored = new Order(
            order.Number, order.OfferId, order.Customer, order.Currency, order.IsTrial, order.Status, order.PlacedAt, order.PlacedBy, order.PaymentProvider,
            items: order.Items, workflow: order.Workflow, payments: order.Payments, notes: order.Notes, history: order.History,
            changes: [change with { ClientKey = "old-key" }], trial: order.Trial);

        Assert.True(stored.Answered(new ClientRequest("old-key", "whatever the new build asks")));
        Assert.False(stored.Answered(new ClientRequest("new-key", "discount 10")));
    }
}
