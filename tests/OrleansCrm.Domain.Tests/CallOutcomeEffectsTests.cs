using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Domain.Tests;

/// <summary>PRODUCT.md §3: confirming an outcome commits the draft — the cart becomes a contract (C), the slot a booking (T).</summary>
public sealed class CallOutcomeEffectsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static CallAttempt Call(CallDraft? draft = null)
    {
        var call = new CallAttempt
        {
            Id = "call-1", CampaignId = "camp-1", ContactId = "lead-1", ContactName = "Maria Rossi", Phone = "+390612345678", Email = "maria@example.com",
            TimeZone = "Europe/Rome", CustomerId = "cust-1", AgentId = "agent-ann", StartedBy = "agent-ann", StartedAt = Now, TimesOutAt = Now.AddHours(1),
        };
        if (draft is not null)
        {
            call.SaveDraft(draft, Now, "agent-ann");
        }

        return call;
    }

    private static CallDraft WithSlot(string? agentId) => new(null, null, new AppointmentSlot(agentId, Now.AddDays(2)), null, null);

    [Fact]
    public void The_drafts_slot_is_in_the_calling_agents_agenda_unless_it_names_another_agent()
    {
        Assert.Equal("agent-ann", Call(WithSlot(null)).SlotAgent);
        Assert.Equal("agent-bob", Call(WithSlot("agent-bob")).SlotAgent);
        Assert.Null(Call().SlotAgent);
        Assert.Null(Call().SlotAgentOf(new CallDraft(null, null, new AppointmentSlot("agent-bob", null), null, null)));
    }

    [Fact]
    public void An_appointment_books_the_drafts_slot_for_the_calls_contact_made_on_the_calling_agents_call()
    {
        var request = Call(WithSlot("agent-bob")).AppointmentBooking("sup-1");

        Assert.Equal(
            new BookingRequest("call-1", Now.AddDays(2), "camp-1", "lead-1", "cust-1", "Maria Rossi", "maria@example.com", "Europe/Rome", "sup-1", "agent-ann"),
            request);
    }

    [Fact]
    public void Close_online_turns_the_drafts_cart_into_a_contract_under_its_protocol_number()
    {
        var call = Call(new CallDraft(null, new Cart("EUR", [new CartLine("Serum", 2, 10m), new CartLine("Cream", null, 5m)]), null, null, null));

        var contract = call.ContractUnder(Contract.ProtocolNumber(41), Now);

        Assert.Equal(("CT-41", "call-1", "camp-1", "lead-1", "cust-1", "Maria Rossi", "+390612345678", "agent-ann"),
            (contract.Protocol, contract.CallId, contract.CampaignId, contract.ContactId, contract.CustomerId, contract.ContactName, contract.Phone, contract.AgentId));
        Assert.Equal(("EUR", 25m, 2, Now), (contract.Currency, contract.Total, contract.Lines.Count, contract.CreatedAt));
    }

    [Fact]
    public void Confirming_commits_the_stored_outcome_at_its_own_instant_by_its_own_user_with_what_its_effects_produced()
    {
        var call = Call();
        var outcome = new Outcome("callback", "Callback", OutcomeType.R, "#1565C0", Quick: true, BuiltIn: true);
        var decision = new OutcomeDecision(outcome, "later", OutcomeEffect.Callback, Now.AddDays(1), CallbackVisibility.Public, InvoiceAction.New);

        call.Confirm(new OutcomeIntent(decision, Now.AddMinutes(3), "sup-1"), new OutcomeResults("bk-1", "CT-1", "100002", MessageSent: true));

        Assert.Equal(CallStatus.Confirmed, call.Status);
        Assert.Equal(Now.AddMinutes(3), call.EndedAt);
        Assert.Equal(
            new ConfirmedOutcome("callback", "Callback", "R", "#1565C0", "later", Now.AddDays(1), CallbackVisibility.Public, InvoiceAction.New, "bk-1", "CT-1", "100002", true, Now.AddMinutes(3), "sup-1"),
            call.Outcome);
    }

    [Fact]
    public void The_notes_an_outcome_leaves_elsewhere_name_the_call()
    {
        Assert.Equal("Refusal on call call-1: too expensive", Said.Sentence(CallNotes.RefusalOn("call-1", "too expensive")));
        Assert.Equal("Refusal on call call-1", Said.Sentence(CallNotes.RefusalOn("call-1", null)));
        Assert.Equal("Invalid contact on call call-1", Said.Sentence(CallNotes.InvalidContactOn("call-1")));
    }
}
