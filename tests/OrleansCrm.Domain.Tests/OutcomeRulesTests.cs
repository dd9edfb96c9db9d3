using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Domain.Tests;

public sealed class OutcomeRulesTests
{
    private static readonly TimeZoneInfo RomeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    /// <summary>A Monday morning in Rome.</summary>
    private static readonly DateTimeOffset Now = RomeTime(2026, 3, 2, 10, 0);

    private static readonly TimeSpan Horizon = OutcomeRules.DefaultCallbackHorizon;

    private const string Agent = "agent-ann";

    private static readonly Campaign Spring = new CampaignRequest(
        "Spring",
        "Europe/Rome",
        null,
        [
            new Outcome("call-later", "Call later", OutcomeType.R, "#1E88E5"),
            new Outcome("not-interested", "Not interested", OutcomeType.N, "#757575"),
            new Outcome("sold", "Sold online", OutcomeType.C, "#43A047"),
            new Outcome("meeting", "Meeting booked", OutcomeType.T, "#FB8C00"),
        ],
        null,
        null,
        null,
        null).Validated();

    private static DateTimeOffset RomeTime(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, RomeZone.GetUtcOffset(local));
    }

    private static CallAttempt Call(string? orderNumber = null, CallDraft? draft = null) => new()
    {
        Id = "call-1",
        CampaignId = "camp-spring",
        ContactId = "lead-1",
        Phone = "+390612345678",
        TimeZone = "Europe/Rome",
        OrderNumber = orderNumber,
        AgentId = Agent,
        StartedBy = Agent,
        StartedAt = Now.AddMinutes(-5),
        TimesOutAt = Now.AddMinutes(25),
        Draft = draft ?? CallDraft.Empty,
    };

    private static OutcomeRequest Request(
        string? code,
        string? comment = null,
        DateTimeOffset? callbackAt = null,
        CallbackVisibility? visibility = null,
        InvoiceAction? invoice = null) => OutcomeRequest.Checked(code, comment, callbackAt, visibility, invoice);

    private static OutcomeDecision Decide(OutcomeRequest request, CallAttempt? call = null) =>
        OutcomeRules.Decide(Spring, call ?? Call(), request, Now, Horizon);

    private static IReadOnlyCollection<string> RefusedFields(OutcomeRequest request, CallAttempt? call = null) =>
        Refusals.FieldsOf(() => Decide(request, call));

    private static DialerContact Contact(int attempts = 0, DialStage stage = DialStage.Fresh, string? owner = null) =>
        new("camp-spring", "lead-1", "+390612345678", "Europe/Rome", null, null, null, null, stage, Now.AddDays(-1), owner, attempts, null, Now.AddDays(-1), 7);

    // ---- the outcome code ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_outcome_needs_a_code(string? code)
    {
        Refusals.OnlyFor("code", () => Decide(Request(code)));
    }

    [Fact]
    public void A_code_not_in_the_campaign_s_catalog_is_refused_and_the_catalog_is_named()
    {
        var refusal = Refusals.Of(() => Decide(Request("sale-4111111111111111")));

        Assert.Equal(["code"], refusal.Errors.Keys);
        var message = Assert.Single(refusal.Errors["code"]);
        Assert.Contains("completed", message);
        Assert.Contains("meeting", message);
        Assert.DoesNotContain("4111111111111111", message);
    }

    [Fact]
    public void The_code_is_matched_exactly()
    {
        Refusals.OnlyFor("code", () => Decide(Request("Refusal")));
    }

    [Fact]
    public void A_comment_longer_than_the_cap_is_refused()
    {
        Refusals.OnlyFor("comment", () => Decide(Request(BuiltInOutcomes.Refusal, new string('x', OutcomeRules.MaxComment + 1))));

        Assert.Equal(OutcomeRules.MaxComment, Decide(Request(BuiltInOutcomes.Refusal, new string('x', OutcomeRules.MaxComment))).Comment!.Length);
    }

    [Fact]
    public void Every_wrong_field_is_named_at_once()
    {
        var fields = RefusedFields(Request(BuiltInOutcomes.Refusal, new string('x', OutcomeRules.MaxComment + 1), visibility: CallbackVisibility.Public, invoice: InvoiceAction.New));

        Assert.Equal(["callbackVisibility", "comment", "invoice"], fields.Order(StringComparer.Ordinal));
    }

    // ---- what each outcome does ----

    [Theory]
    [InlineData(BuiltInOutcomes.Completed, OutcomeEffect.EndCalling)]
    [InlineData(BuiltInOutcomes.NoContact, OutcomeEffect.Retry)]
    [InlineData(BuiltInOutcomes.AlreadyPaid, OutcomeEffect.AlreadyPaid)]
    [InlineData(BuiltInOutcomes.Refusal, OutcomeEffect.Refusal)]
    [InlineData(BuiltInOutcomes.InvalidContact, OutcomeEffect.InvalidContact)]
    [InlineData("not-interested", OutcomeEffect.EndCalling)]
    public void Each_outcome_without_a_callback_has_its_own_effect(string code, OutcomeEffect effect)
    {
        var decision = Decide(Request(code));

        Assert.Equal(effect, decision.Effect);
        Assert.Equal(code, decision.Outcome.Code);
        Assert.Null(decision.CallbackAt);
        Assert.Null(decision.Visibility);
        Assert.Null(decision.Invoice);
    }

    [Fact]
    public void A_campaign_s_relabelled_built_in_outcome_keeps_its_built_in_effect()
    {
        var campaign = Spring with { Outcomes = BuiltInOutcomes.MergeInto([new Outcome(BuiltInOutcomes.Refusal, "Says no", OutcomeType.N, "#000000")]) };

        var decision = OutcomeRules.Decide(campaign, Call(), Request(BuiltInOutcomes.Refusal), Now, Horizon);

        Assert.Equal(OutcomeEffect.Refusal, decision.Effect);
        Assert.Equal("Says no", decision.Outcome.Label);
    }

    // ---- callbacks ----

    [Theory]
    [InlineData(BuiltInOutcomes.Callback)]
    [InlineData("call-later")]
    public void A_recall_outcome_needs_a_callback_time(string code)
    {
        Refusals.OnlyFor("callbackAt", () => Decide(Request(code)));
    }

    [Theory]
    [InlineData(BuiltInOutcomes.Callback)]
    [InlineData("call-later")]
    [InlineData(BuiltInOutcomes.Completed)]
    public void A_callback_time_must_be_in_the_future(string code)
    {
        Refusals.OnlyFor("callbackAt", () => Decide(Request(code, callbackAt: Now)));
        Refusals.OnlyFor("callbackAt", () => Decide(Request(code, callbackAt: Now.AddMinutes(-1))));
    }

    [Theory]
    [InlineData(BuiltInOutcomes.Callback)]
    [InlineData(BuiltInOutcomes.Completed)]
    public void A_callback_time_must_be_within_the_horizon(string code)
    {
        Assert.Equal(Now + Horizon, Decide(Request(code, callbackAt: Now + Horizon)).CallbackAt);
        Refusals.OnlyFor("callbackAt", () => Decide(Request(code, callbackAt: Now + Horizon + TimeSpan.FromMinutes(1))));
    }

    [Fact]
    public void The_default_callback_horizon_is_90_days()
    {
        Assert.Equal(TimeSpan.FromDays(90), OutcomeRules.DefaultCallbackHorizon);
    }

    [Fact]
    public void A_shorter_horizon_is_honoured()
    {
        Refusals.OnlyFor("callbackAt", () => OutcomeRules.Decide(Spring, Call(), Request(BuiltInOutcomes.Callback, callbackAt: Now.AddDays(8)), Now, TimeSpan.FromDays(7)));
    }

    [Fact]
    public void A_callback_is_private_to_the_agent_unless_made_public()
    {
        var at = Now.AddDays(1);

        var unstated = Decide(Request(BuiltInOutcomes.Callback, callbackAt: at));
        var madePublic = Decide(Request("call-later", callbackAt: at, visibility: CallbackVisibility.Public));

        Assert.Equal(OutcomeEffect.Callback, unstated.Effect);
        Assert.Equal(at, unstated.CallbackAt);
        Assert.Equal(CallbackVisibility.Private, unstated.Visibility);
        Assert.Equal(OutcomeEffect.Callback, madePublic.Effect);
        Assert.Equal(CallbackVisibility.Public, madePublic.Visibility);
    }

    [Fact]
    public void No_contact_refuses_a_callback_time_because_it_schedules_its_own_retry()
    {
        Refusals.OnlyFor("callbackAt", () => Decide(Request(BuiltInOutcomes.NoContact, callbackAt: Now.AddHours(3))));
    }

    [Fact]
    public void Conversation_completed_without_a_callback_ends_calling()
    {
        var decision = Decide(Request(BuiltInOutcomes.Completed, "Happy customer"));

        Assert.Equal(OutcomeEffect.EndCalling, decision.Effect);
        Assert.Null(decision.CallbackAt);
    }

    [Fact]
    public void Conversation_completed_with_a_callback_schedules_the_callback()
    {
        var at = Now.AddDays(2);

        var decision = Decide(Request(BuiltInOutcomes.Completed, callbackAt: at, visibility: CallbackVisibility.Public));

        Assert.Equal(OutcomeEffect.Callback, decision.Effect);
        Assert.Equal(at, decision.CallbackAt);
        Assert.Equal(CallbackVisibility.Public, decision.Visibility);
    }

    [Theory]
    [InlineData(BuiltInOutcomes.Refusal)]
    [InlineData(BuiltInOutcomes.AlreadyPaid)]
    [InlineData("not-interested")]
    [InlineData(BuiltInOutcomes.Completed)]
    public void A_callback_visibility_is_refused_for_an_outcome_without_a_callback_time(string code)
    {
        Refusals.OnlyFor("callbackVisibility", () => Decide(Request(code, visibility: CallbackVisibility.Private)));
    }

    // ---- invoices ----

    [Theory]
    [InlineData(InvoiceAction.New)]
    [InlineData(InvoiceAction.Replace)]
    public void Completed_on_a_call_about_an_order_may_create_an_invoice(InvoiceAction action)
    {
        var decision = Decide(Request(BuiltInOutcomes.Completed, invoice: action), Call(orderNumber: "ORD-1001"));

        Assert.Equal(action, decision.Invoice);
        Assert.Equal(OutcomeEffect.EndCalling, decision.Effect);
    }

    [Fact]
    public void An_invoice_needs_the_call_to_be_about_an_order()
    {
        Refusals.OnlyFor("invoice", () => Decide(Request(BuiltInOutcomes.Completed, invoice: InvoiceAction.New), Call(orderNumber: null)));
    }

    [Theory]
    [InlineData(BuiltInOutcomes.Callback)]
    [InlineData(BuiltInOutcomes.Refusal)]
    [InlineData("sold")]
    public void Only_conversation_completed_creates_an_invoice(string code)
    {
        var call = Call(orderNumber: "ORD-1001", draft: new CallDraft(null, new Cart("EUR", [new CartLine("Cream", 1, 49.95m)]), null, null, null));

        Assert.Contains("invoice", RefusedFields(Request(code, callbackAt: Now.AddDays(1), invoice: InvoiceAction.Replace), call));
    }

    // ---- close online and appointments ----

    [Fact]
    public void A_close_online_outcome_needs_a_cart_with_a_line()
    {
        Refusals.OnlyFor("draft.cart", () => Decide(Request("sold")));
        Refusals.OnlyFor("draft.cart", () => Decide(Request("sold"), Call(draft: new CallDraft(null, new Cart("EUR", []), null, null, null))));
    }

    [Fact]
    public void A_close_online_outcome_with_a_cart_makes_a_contract()
    {
        var decision = Decide(Request("sold"), Call(draft: new CallDraft(null, new Cart("EUR", [new CartLine("Cream", 2, 49.95m)]), null, null, null)));

        Assert.Equal(OutcomeEffect.Contract, decision.Effect);
    }

    [Fact]
    public void An_appointment_outcome_needs_an_appointment_slot()
    {
        Refusals.OnlyFor("draft.appointment", () => Decide(Request("meeting")));
        Refusals.OnlyFor("draft.appointment", () => Decide(Request("meeting"), Call(draft: new CallDraft(null, null, new AppointmentSlot(Agent, null), null, null))));
    }

    [Fact]
    public void An_appointment_outcome_with_a_slot_books_it()
    {
        var decision = Decide(Request("meeting"), Call(draft: new CallDraft(null, null, new AppointmentSlot(null, Now.AddDays(1)), null, null)));

        Assert.Equal(OutcomeEffect.Appointment, decision.Effect);
    }

    // ---- the comment ----

    [Fact]
    public void The_comment_is_kept_trimmed_with_card_numbers_cut_to_their_last_four_digits()
    {
        var decision = Decide(Request(BuiltInOutcomes.AlreadyPaid, "  paid with 4111 1111 1111 1111 yesterday  "));

        Assert.Equal("paid with XXXX XXXX XXXX 1111 yesterday", decision.Comment);
    }

    [Fact]
    public void No_comment_stays_no_comment()
    {
        Assert.Null(Decide(Request(BuiltInOutcomes.Refusal)).Comment);
    }

    // ---- where the contact stands afterwards ----

    [Fact]
    public void The_seed_example_no_contact_at_10_05_is_due_at_11_05_then_no_contact_at_11_45_is_due_at_11_45_the_next_day()
    {
        var noContact = Decide(Request(BuiltInOutcomes.NoContact));

        var (first, streak1) = DialingRules.After(Contact(), 0, noContact, Agent, RomeTime(2026, 3, 2, 10, 5), RetryPolicy.Default, 10);
        Assert.Equal(DialStage.Retry, first.Stage);
        Assert.Equal(RomeTime(2026, 3, 2, 11, 5), first.DueAt);
        Assert.Equal(1, streak1);

        var (second, streak2) = DialingRules.After(first, streak1, noContact, Agent, RomeTime(2026, 3, 2, 11, 45), RetryPolicy.Default, 10);
        Assert.Equal(DialStage.Retry, second.Stage);
        Assert.Equal(RomeTime(2026, 3, 3, 11, 45), second.DueAt);
        Assert.Equal(2, streak2);

        var (third, streak3) = DialingRules.After(second, streak2, noContact, Agent, RomeTime(2026, 3, 3, 12, 2), RetryPolicy.Default, 10);
        Assert.Equal(RomeTime(2026, 3, 4, 12, 2), third.DueAt);
        Assert.Equal(3, streak3);
        Assert.Equal(3, third.Attempts);
    }

    [Fact]
    public void No_contact_retry_delays_come_from_the_campaign_s_retry_policy()
    {
        var policy = new RetryPolicy(FirstRetryMinutes: 15, NextRetryMinutes: 120);
        var noContact = Decide(Request(BuiltInOutcomes.NoContact));

        var (first, streak) = DialingRules.After(Contact(), 0, noContact, Agent, Now, policy, 10);
        var (second, _) = DialingRules.After(first, streak, noContact, Agent, Now.AddMinutes(20), policy, 10);

        Assert.Equal(Now.AddMinutes(15), first.DueAt);
        Assert.Equal(Now.AddMinutes(140), second.DueAt);
    }

    [Fact]
    public void Each_outcome_counts_an_attempt_and_makes_a_newer_version_of_the_contact()
    {
        var (after, _) = DialingRules.After(Contact(attempts: 4), 0, Decide(Request(BuiltInOutcomes.NoContact)), Agent, Now, RetryPolicy.Default, 10);

        Assert.Equal(5, after.Attempts);
        Assert.Equal(8, after.Version);
    }

    [Fact]
    public void The_attempt_cap_ends_retrying()
    {
        var noContact = Decide(Request(BuiltInOutcomes.NoContact));

        var (belowCap, _) = DialingRules.After(Contact(attempts: 1), 1, noContact, Agent, Now, RetryPolicy.Default, 3);
        var (atCap, streak) = DialingRules.After(Contact(attempts: 2), 2, noContact, Agent, Now, RetryPolicy.Default, 3);

        Assert.Equal(DialStage.Retry, belowCap.Stage);
        Assert.Equal(DialStage.Done, atCap.Stage);
        Assert.Equal(DialingRules.AttemptCapReached, atCap.DoneReason);
        Assert.Equal("attempt-cap", atCap.DoneReason);
        Assert.Equal(3, atCap.Attempts);
        Assert.Equal(3, streak);
    }

    [Fact]
    public void A_private_callback_is_owned_by_the_calling_agent_and_a_public_one_by_nobody()
    {
        var at = Now.AddDays(1);

        var (mine, _) = DialingRules.After(Contact(), 0, Decide(Request(BuiltInOutcomes.Callback, callbackAt: at)), Agent, Now, RetryPolicy.Default, 10);
        var (anyone, _) = DialingRules.After(Contact(), 0, Decide(Request(BuiltInOutcomes.Callback, callbackAt: at, visibility: CallbackVisibility.Public)), Agent, Now, RetryPolicy.Default, 10);

        Assert.Equal(DialStage.Callback, mine.Stage);
        Assert.Equal(at, mine.DueAt);
        Assert.Equal(Agent, mine.CallbackOwner);
        Assert.Equal(DialStage.Callback, anyone.Stage);
        Assert.Null(anyone.CallbackOwner);
    }

    [Fact]
    public void A_callback_resets_the_no_contact_streak()
    {
        var (afterCallback, streak) = DialingRules.After(Contact(attempts: 2), 2, Decide(Request(BuiltInOutcomes.Callback, callbackAt: Now.AddHours(2))), Agent, Now, RetryPolicy.Default, 10);
        Assert.Equal(0, streak);

        // The next no-contact is a first one again: back after 1 hour, not 24.
        var (retry, _) = DialingRules.After(afterCallback, streak, Decide(Request(BuiltInOutcomes.NoContact)), Agent, Now.AddHours(2), RetryPolicy.Default, 10);
        Assert.Equal(Now.AddHours(3), retry.DueAt);
    }

    [Fact]
    public void A_callback_beyond_the_attempt_cap_is_still_kept()
    {
        var (after, _) = DialingRules.After(Contact(attempts: 9), 0, Decide(Request(BuiltInOutcomes.Callback, callbackAt: Now.AddDays(1))), Agent, Now, RetryPolicy.Default, 10);

        Assert.Equal(DialStage.Callback, after.Stage);
        Assert.Equal(10, after.Attempts);
    }

    [Theory]
    [InlineData(BuiltInOutcomes.Completed)]
    [InlineData(BuiltInOutcomes.AlreadyPaid)]
    [InlineData(BuiltInOutcomes.Refusal)]
    [InlineData(BuiltInOutcomes.InvalidContact)]
    [InlineData("not-interested")]
    public void Any_other_outcome_ends_calling_with_its_code_as_the_reason(string code)
    {
        var (after, streak) = DialingRules.After(Contact(attempts: 1), 1, Decide(Request(code)), Agent, Now, RetryPolicy.Default, 10);

        Assert.Equal(DialStage.Done, after.Stage);
        Assert.Equal(code, after.DoneReason);
        Assert.Equal(0, streak);
    }

    [Fact]
    public void A_contract_or_an_appointment_ends_calling_with_its_code_as_the_reason()
    {
        var cart = new CallDraft(null, new Cart("EUR", [new CartLine("Cream", 1, 49.95m)]), null, null, null);
        var slot = new CallDraft(null, null, new AppointmentSlot(null, Now.AddDays(1)), null, null);

        var (sold, _) = DialingRules.After(Contact(), 0, Decide(Request("sold"), Call(draft: cart)), Agent, Now, RetryPolicy.Default, 10);
        var (meeting, _) = DialingRules.After(Contact(), 0, Decide(Request("meeting"), Call(draft: slot)), Agent, Now, RetryPolicy.Default, 10);

        Assert.Equal((DialStage.Done, "sold"), (sold.Stage, sold.DoneReason));
        Assert.Equal((DialStage.Done, "meeting"), (meeting.Stage, meeting.DoneReason));
    }

    [Fact]
    public void A_former_private_callback_that_ends_in_no_contact_is_no_longer_anyone_s_own()
    {
        var (after, _) = DialingRules.After(Contact(stage: DialStage.Callback, owner: Agent), 0, Decide(Request(BuiltInOutcomes.NoContact)), Agent, Now, RetryPolicy.Default, 10);

        Assert.Equal(DialStage.Retry, after.Stage);
        Assert.Null(after.CallbackOwner);
        Assert.Null(after.DoneReason);
    }
}
