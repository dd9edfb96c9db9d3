using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Tests;

public sealed class DialerQueueTests
{
    /// <summary>A Tuesday noon in UTC: 13:00 in Rome, 08:00 in New York (already on summer time), 21:00 in Tokyo.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(30);

    private static readonly TimeSpan LeaseFor = TimeSpan.FromMinutes(2);

    private const string Rome = "Europe/Rome";
    private const string Ann = "agent-ann";
    private const string Bob = "agent-bob";

    private int leases;

    private static DialerContact Contact(
        string id,
        DialStage stage = DialStage.Fresh,
        DateTimeOffset? due = null,
        string zone = Rome,
        string? owner = null,
        long version = 1) =>
        new("camp-1", id, "+390612345678", zone, null, null, null, null, stage, due ?? Now.AddHours(-1), owner, 0, stage == DialStage.Done ? "refusal" : null, Now.AddDays(-1), version);

    private static DialerQueue Queue(params DialerContact[] contacts)
    {
        var queue = new DialerQueue(CallingHours.Default, Grace);
        foreach (var contact in contacts)
        {
            queue.Upsert(contact);
        }

        return queue;
    }

    private DialerHandOut? Next(DialerQueue queue, string agent, DateTimeOffset at, TimeSpan? leaseFor = null) =>
        queue.Next(agent, at, $"lease-{++leases}", leaseFor ?? LeaseFor);

    /// <summary>Every contact the agent is handed in turn at one instant, until the queue has nothing more for them.</summary>
    private List<DialerHandOut> Drain(DialerQueue queue, string agent, DateTimeOffset at)
    {
        var handOuts = new List<DialerHandOut>();
        while (Next(queue, agent, at, TimeSpan.FromDays(1)) is { } handOut)
        {
            handOuts.Add(handOut);
        }

        return handOuts;
    }

    private static DomainException Refused(ProblemKind kind, Action action)
    {
        var refusal = Assert.Throws<DomainException>(action);
        Assert.Equal(kind, refusal.Kind);
        return refusal;
    }

    // ---- the order of hand-outs ----

    [Fact]
    public void Contacts_waiting_for_the_same_window_opening_are_called_in_the_order_they_fell_due()
    {
        // Both are due while it is night in Tokyo; the one added second fell due first.
        var queue = Queue(
            Contact("later", due: Now.AddHours(-1), zone: "Asia/Tokyo"),
            Contact("earlier", due: Now.AddHours(-2), zone: "Asia/Tokyo"));
        Assert.Null(Next(queue, Ann, Now));

        var nineInTokyo = new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.FromHours(9));

        Assert.Equal(["earlier", "later"], Drain(queue, Ann, nineInTokyo).Select(h => h.Contact.ContactId));
    }

    [Fact]
    public void The_agent_gets_their_own_private_callbacks_then_public_callbacks_then_retries_then_fresh_leads()
    {
        // The fresh lead has waited longest, the private callback the least: the kind decides, not the age.
        var queue = Queue(
            Contact("fresh", DialStage.Fresh, Now.AddHours(-5)),
            Contact("retry", DialStage.Retry, Now.AddHours(-4)),
            Contact("public", DialStage.Callback, Now.AddHours(-3)),
            Contact("mine", DialStage.Callback, Now.AddMinutes(-5), owner: Ann));

        var handOuts = Drain(queue, Ann, Now);

        Assert.Equal(["mine", "public", "retry", "fresh"], handOuts.Select(h => h.Contact.ContactId));
        Assert.Equal(
            [HandOutReason.PrivateCallback, HandOutReason.Callback, HandOutReason.Retry, HandOutReason.New],
            handOuts.Select(h => h.Lease.Why));
        Assert.All(handOuts, h => Assert.Equal(Ann, h.Lease.AgentId));
    }

    [Fact]
    public void Another_agent_s_private_callback_is_not_handed_out_before_its_grace_runs_out()
    {
        var queue = Queue(Contact("bobs", DialStage.Callback, Now.AddMinutes(-10), owner: Bob));

        Assert.Null(Next(queue, Ann, Now));

        var handOut = Next(queue, Bob, Now);
        Assert.NotNull(handOut);
        Assert.Equal(HandOutReason.PrivateCallback, handOut.Lease.Why);
    }

    [Fact]
    public void A_private_callback_overdue_by_the_grace_becomes_public_for_every_agent()
    {
        var due = Now.AddMinutes(-10);
        var queue = Queue(Contact("bobs", DialStage.Callback, due, owner: Bob));

        Assert.Null(Next(queue, Ann, due + Grace - TimeSpan.FromSeconds(1)));

        var handOut = Next(queue, Ann, due + Grace);
        Assert.NotNull(handOut);
        Assert.Equal("bobs", handOut.Contact.ContactId);
        Assert.Equal(HandOutReason.Callback, handOut.Lease.Why);
        Assert.Null(queue.Find("bobs")!.CallbackOwner);
    }

    [Fact]
    public void A_public_callback_ranks_by_its_due_time_among_public_callbacks_once_promoted()
    {
        var queue = Queue(
            Contact("public-late", DialStage.Callback, Now.AddMinutes(-20)),
            Contact("bobs-early", DialStage.Callback, Now.AddMinutes(-40), owner: Bob));

        // Bob's callback is 40 minutes overdue, past the 30-minute grace: it is public and the oldest.
        Assert.Equal(["bobs-early", "public-late"], Drain(queue, Ann, Now).Select(h => h.Contact.ContactId));
    }

    [Fact]
    public void Fresh_leads_are_handed_out_first_in_first_out()
    {
        var queue = Queue(
            Contact("third", DialStage.Fresh, Now.AddMinutes(-10)),
            Contact("first", DialStage.Fresh, Now.AddMinutes(-30)),
            Contact("second", DialStage.Fresh, Now.AddMinutes(-20)),
            Contact("fourth-same-time", DialStage.Fresh, Now.AddMinutes(-10)));

        Assert.Equal(["first", "second", "third", "fourth-same-time"], Drain(queue, Ann, Now).Select(h => h.Contact.ContactId));
    }

    [Fact]
    public void Fresh_leads_imported_at_one_instant_are_handed_out_in_import_order_whatever_order_the_queue_was_built_in()
    {
        // A queue rebuilt after a restart may read its contacts in any order: the import sequence they carry decides.
        var queue = Queue(
            Contact("c") with { ImportSequence = 3 },
            Contact("a") with { ImportSequence = 1 },
            Contact("d") with { ImportSequence = 4 },
            Contact("b") with { ImportSequence = 2 });

        Assert.Equal(["a", "b", "c", "d"], Drain(queue, Ann, Now).Select(h => h.Contact.ContactId));
    }

    [Fact]
    public void Only_contacts_whose_due_time_has_come_are_handed_out()
    {
        var queue = Queue(Contact("later", DialStage.Retry, Now.AddMinutes(5)));

        Assert.Null(Next(queue, Ann, Now));
        Assert.Null(Next(queue, Ann, Now.AddMinutes(5).AddTicks(-1)));
        Assert.Equal("later", Next(queue, Ann, Now.AddMinutes(5))?.Contact.ContactId);
    }

    [Fact]
    public void A_hand_out_is_a_lease_that_ends_at_the_lease_duration()
    {
        var queue = Queue(Contact("c1"));

        var handOut = Next(queue, Ann, Now)!;

        Assert.Equal("lease-1", handOut.Lease.LeaseId);
        Assert.Equal(Now + LeaseFor, handOut.Lease.ExpiresAt);
        Assert.Null(handOut.Lease.CallId);
        Assert.Equal(handOut.Lease, queue.LeaseOf("c1"));
    }

    [Fact]
    public void An_empty_queue_hands_out_nothing()
    {
        Assert.Null(Next(Queue(), Ann, Now));
    }

    // ---- calling windows ----

    [Fact]
    public void Contacts_are_handed_out_only_inside_the_calling_hours_on_their_own_wall_clock()
    {
        // Tokyo waited longest but it is 21:00 there; New York it is 08:00; Rome it is 13:00.
        var queue = Queue(
            Contact("tokyo", due: Now.AddHours(-3), zone: "Asia/Tokyo"),
            Contact("new-york", due: Now.AddHours(-2), zone: "America/New_York"),
            Contact("rome", due: Now.AddHours(-1), zone: Rome));

        Assert.Equal(["rome"], Drain(queue, Ann, Now).Select(h => h.Contact.ContactId));

        var nineInNewYork = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(-4));
        Assert.Null(Next(queue, Ann, nineInNewYork.AddMinutes(-1)));
        Assert.Equal(["new-york"], Drain(queue, Ann, nineInNewYork).Select(h => h.Contact.ContactId));

        var nineInTokyo = new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.FromHours(9));
        Assert.Null(Next(queue, Ann, nineInTokyo.AddMinutes(-1)));
        Assert.Equal(["tokyo"], Drain(queue, Ann, nineInTokyo).Select(h => h.Contact.ContactId));
    }

    [Fact]
    public void A_due_contact_outside_its_window_still_counts_as_due_and_keeps_its_due_time()
    {
        var queue = Queue(Contact("tokyo", due: Now.AddHours(-3), zone: "Asia/Tokyo"));

        Assert.Null(Next(queue, Ann, Now));

        Assert.Equal(new DialerStats(1, 0, 0, 0, 1), queue.Stats(Now));
        Assert.Equal(Now.AddHours(-3), queue.Find("tokyo")!.DueAt);
    }

    [Fact]
    public void A_callback_across_the_daylight_saving_change_waits_for_9_00_summer_time()
    {
        // Rome moves to summer time in the night of 29 March 2026: 9:00 that morning is 07:00 UTC, not 08:00.
        var eightLocal = new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.FromHours(2));
        var queue = Queue(Contact("cb", DialStage.Callback, eightLocal));

        Assert.Null(Next(queue, Ann, eightLocal));
        Assert.Null(Next(queue, Ann, new DateTimeOffset(2026, 3, 29, 6, 59, 0, TimeSpan.Zero)));

        var handOut = Next(queue, Ann, new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero));
        Assert.NotNull(handOut);
        Assert.Equal(HandOutReason.Callback, handOut.Lease.Why);
    }

    [Fact]
    public void Contacts_that_waited_for_the_same_window_keep_their_order_in_the_queue()
    {
        var queue = Queue(
            Contact("tokyo-older", due: Now.AddHours(-3), zone: "Asia/Tokyo"),
            Contact("tokyo-newer", due: Now.AddHours(-1), zone: "Asia/Tokyo"));
        Assert.Null(Next(queue, Ann, Now));

        var nineInTokyo = new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.FromHours(9));
        Assert.Equal(["tokyo-older", "tokyo-newer"], Drain(queue, Ann, nineInTokyo).Select(h => h.Contact.ContactId));
    }

    // ---- leases ----

    [Fact]
    public void A_leased_contact_is_not_handed_to_anyone_else_until_its_lease_expires()
    {
        var queue = Queue(Contact("c1"));
        Next(queue, Ann, Now);

        Assert.Null(Next(queue, Bob, Now + LeaseFor - TimeSpan.FromSeconds(1)));

        var again = Next(queue, Bob, Now + LeaseFor);
        Assert.NotNull(again);
        Assert.Equal("c1", again.Contact.ContactId);
        Assert.Equal(Bob, again.Lease.AgentId);
    }

    [Fact]
    public void An_expired_lease_puts_the_contact_back_with_the_same_reason()
    {
        var queue = Queue(Contact("c1", DialStage.Retry));
        Next(queue, Ann, Now);

        Assert.Equal(0, queue.Stats(Now + LeaseFor).Leased);
        Assert.Null(queue.LeaseOf("c1"));
        Assert.Equal(HandOutReason.Retry, Next(queue, Bob, Now + LeaseFor)!.Lease.Why);
    }

    [Fact]
    public void A_call_started_on_the_lease_holds_the_contact_until_the_call_s_timeout()
    {
        var queue = Queue(Contact("c1"));
        var lease = Next(queue, Ann, Now)!.Lease;
        var timeout = Now.AddMinutes(30);

        var started = queue.StartCall(lease.LeaseId, Ann, "call-1", Now.AddMinutes(1), timeout);

        Assert.Equal("call-1", started.Lease.CallId);
        Assert.Equal(timeout, started.Lease.ExpiresAt);
        Assert.Equal(lease.Why, started.Lease.Why);
        Assert.Equal("c1", started.Contact.ContactId);
        Assert.Null(Next(queue, Bob, Now + LeaseFor));
        Assert.Null(Next(queue, Bob, timeout.AddTicks(-1)));
        Assert.Equal("c1", Next(queue, Bob, timeout)?.Contact.ContactId);
    }

    [Fact]
    public void Starting_the_same_call_on_its_lease_again_is_harmless()
    {
        var queue = Queue(Contact("c1"));
        var lease = Next(queue, Ann, Now)!.Lease;
        queue.StartCall(lease.LeaseId, Ann, "call-1", Now, Now.AddMinutes(30));

        var again = queue.StartCall(lease.LeaseId, Ann, "call-1", Now.AddMinutes(1), Now.AddMinutes(31));

        Assert.Equal("call-1", again.Lease.CallId);
        Assert.Equal(Now.AddMinutes(31), again.Lease.ExpiresAt);
    }

    [Fact]
    public void A_call_cannot_start_on_another_agent_s_lease()
    {
        var queue = Queue(Contact("c1"));
        var lease = Next(queue, Ann, Now)!.Lease;

        var refusal = Refused(ProblemKind.Conflict, () => queue.StartCall(lease.LeaseId, Bob, "call-1", Now, Now.AddMinutes(30)));

        Assert.Equal("Another agent's lease", refusal.Title);
        Assert.Equal(lease, queue.LeaseOf("c1"));
    }

    [Fact]
    public void A_call_cannot_start_on_an_expired_lease()
    {
        var queue = Queue(Contact("c1"));
        var lease = Next(queue, Ann, Now)!.Lease;

        var refusal = Refused(ProblemKind.Conflict, () => queue.StartCall(lease.LeaseId, Ann, "call-1", Now + LeaseFor, Now.AddMinutes(30)));

        Assert.Equal("Lease expired", refusal.Title);
        Assert.Null(queue.LeaseOf("c1"));
    }

    [Fact]
    public void A_call_cannot_start_on_a_lease_that_was_never_handed_out()
    {
        var queue = Queue(Contact("c1"));

        Assert.Equal("Lease expired", Refused(ProblemKind.Conflict, () => queue.StartCall("lease-nobody", Ann, "call-1", Now, Now.AddMinutes(30))).Title);
    }

    [Fact]
    public void A_second_call_cannot_start_on_a_lease_that_already_has_one()
    {
        var queue = Queue(Contact("c1"));
        var lease = Next(queue, Ann, Now)!.Lease;
        queue.StartCall(lease.LeaseId, Ann, "call-1", Now, Now.AddMinutes(30));

        var refusal = Refused(ProblemKind.Conflict, () => queue.StartCall(lease.LeaseId, Ann, "call-2", Now.AddMinutes(1), Now.AddMinutes(31)));

        Assert.Equal("Lease in use", refusal.Title);
        Assert.Equal("call-1", queue.LeaseOf("c1")!.CallId);
    }

    [Fact]
    public void A_lease_ended_by_a_new_contact_state_can_no_longer_start_a_call()
    {
        var queue = Queue(Contact("c1"));
        var lease = Next(queue, Ann, Now)!.Lease;

        queue.Upsert(Contact("c1", DialStage.Retry, Now.AddHours(1), version: 2));

        Assert.Null(queue.LeaseOf("c1"));
        Refused(ProblemKind.Conflict, () => queue.StartCall(lease.LeaseId, Ann, "call-1", Now, Now.AddMinutes(30)));
    }

    // ---- direct calls ----

    [Fact]
    public void A_direct_call_holds_a_queued_contact_so_the_dialer_does_not_hand_it_out()
    {
        var queue = Queue(Contact("c1"));

        var direct = queue.StartDirectCall("c1", Ann, "call-1", Now, Now.AddMinutes(30));

        Assert.Equal(HandOutReason.Direct, direct.Lease.Why);
        Assert.Equal("call-1", direct.Lease.CallId);
        Assert.Equal(Now.AddMinutes(30), direct.Lease.ExpiresAt);
        Assert.Null(Next(queue, Bob, Now));
    }

    [Fact]
    public void A_direct_call_on_the_agent_s_own_hand_out_keeps_the_hand_out_reason()
    {
        var queue = Queue(Contact("c1", DialStage.Retry));
        Next(queue, Ann, Now);

        var direct = queue.StartDirectCall("c1", Ann, "call-1", Now, Now.AddMinutes(30));

        Assert.Equal(HandOutReason.Retry, direct.Lease.Why);
        Assert.Equal("call-1", queue.LeaseOf("c1")!.CallId);
    }

    [Fact]
    public void A_direct_call_on_a_contact_another_agent_holds_is_refused()
    {
        var queue = Queue(Contact("c1"));
        Next(queue, Bob, Now);

        var refusal = Refused(ProblemKind.Conflict, () => queue.StartDirectCall("c1", Ann, "call-1", Now, Now.AddMinutes(30)));

        Assert.Equal("Contact in use", refusal.Title);
        Assert.Equal(Bob, queue.LeaseOf("c1")!.AgentId);
    }

    [Fact]
    public void A_direct_call_on_a_contact_already_on_another_call_of_the_same_agent_is_refused()
    {
        var queue = Queue(Contact("c1"));
        queue.StartDirectCall("c1", Ann, "call-1", Now, Now.AddMinutes(30));

        Refused(ProblemKind.Conflict, () => queue.StartDirectCall("c1", Ann, "call-2", Now, Now.AddMinutes(30)));

        var again = queue.StartDirectCall("c1", Ann, "call-1", Now.AddMinutes(1), Now.AddMinutes(31));
        Assert.Equal("call-1", again.Lease.CallId);
    }

    [Fact]
    public void A_direct_call_on_a_contact_after_its_lease_expired_is_allowed_for_anyone()
    {
        var queue = Queue(Contact("c1"));
        Next(queue, Bob, Now);

        var direct = queue.StartDirectCall("c1", Ann, "call-1", Now + LeaseFor, Now.AddMinutes(30));

        Assert.Equal(Ann, direct.Lease.AgentId);
        Assert.Equal(HandOutReason.Direct, direct.Lease.Why);
    }

    [Fact]
    public void A_direct_call_on_a_contact_the_queue_does_not_know_is_not_found()
    {
        Refused(ProblemKind.NotFound, () => Queue().StartDirectCall("nobody", Ann, "call-1", Now, Now.AddMinutes(30)));
    }

    // ---- leases across a rebuild ----

    [Fact]
    public void A_lease_stored_before_a_rebuild_holds_its_contact_for_its_agent_again_and_the_others_come_in_import_order()
    {
        DialerContact[] three = [Contact("c1") with { Phone = "+390611111111" }, Contact("c2") with { Phone = "+390622222222" }, Contact("c3") with { Phone = "+390633333333" }];
        var before = Queue(three);
        var annHolds = Next(before, Ann, Now)!.Lease;
        var bobCalls = before.StartCall(Next(before, Bob, Now)!.Lease.LeaseId, Bob, "call-1", Now, Now.AddMinutes(30)).Lease;

        var rebuilt = Queue(three);
        Assert.True(rebuilt.Restore(annHolds, 1, Now.AddSeconds(10)));
        Assert.True(rebuilt.Restore(bobCalls, 1, Now.AddSeconds(10)));

        Assert.Equal(["c3"], Drain(rebuilt, Bob, Now.AddSeconds(10)).Select(h => h.Contact.ContactId));
        Assert.Equal("call-1", rebuilt.StartCall(bobCalls.LeaseId, Bob, "call-1", Now.AddSeconds(20), Now.AddMinutes(30)).Lease.CallId);
        Assert.Equal(Ann, rebuilt.StartCall(annHolds.LeaseId, Ann, "call-2", Now.AddSeconds(20), Now.AddMinutes(30)).Lease.AgentId);
    }

    [Fact]
    public void A_stored_lease_that_expired_or_whose_contact_changed_since_holds_nothing_after_a_rebuild()
    {
        var before = Queue(Contact("c1"), Contact("c2"));
        var expired = Next(before, Ann, Now)!.Lease;
        var outcomeSince = Next(before, Bob, Now)!.Lease;

        var rebuilt = Queue(Contact("c1"), Contact("c2", stage: DialStage.Retry, due: Now.AddHours(-1), version: 2));

        Assert.False(rebuilt.Restore(expired, 1, expired.ExpiresAt));
        Assert.False(rebuilt.Restore(outcomeSince, 1, Now));
        Assert.Null(rebuilt.LeaseOf("c1"));
        Assert.Null(rebuilt.LeaseOf("c2"));
        Assert.Equal(["c2", "c1"], Drain(rebuilt, Bob, expired.ExpiresAt).Select(h => h.Contact.ContactId));
    }

    [Fact]
    public void A_hand_out_given_back_puts_its_contact_back_in_its_place_unless_it_was_leased_again()
    {
        var queue = Queue(Contact("c1"), Contact("c2"));
        var first = Next(queue, Ann, Now)!;

        queue.GiveBack("c1", first.Lease.LeaseId);
        queue.GiveBack("c1", "lease-of-someone-else");

        Assert.Null(queue.LeaseOf("c1"));
        Assert.Equal(["c1", "c2"], Drain(queue, Bob, Now).Select(h => h.Contact.ContactId));
        queue.GiveBack("c1", first.Lease.LeaseId);
        Assert.Equal(Bob, queue.LeaseOf("c1")!.AgentId);
    }

    // ---- release and set aside ----

    [Fact]
    public void A_released_call_puts_the_contact_back_in_the_queue_at_once()
    {
        var queue = Queue(Contact("c1"), Contact("c2", due: Now.AddMinutes(-30)));
        var lease = Next(queue, Ann, Now)!.Lease;
        queue.StartCall(lease.LeaseId, Ann, "call-1", Now, Now.AddMinutes(30));

        queue.Release("c1", "call-1");

        Assert.Null(queue.LeaseOf("c1"));
        Assert.Equal(["c1", "c2"], Drain(queue, Bob, Now.AddMinutes(1)).Select(h => h.Contact.ContactId));
    }

    [Fact]
    public void Releasing_with_another_call_s_id_leaves_the_call_s_hold_in_place()
    {
        var queue = Queue(Contact("c1"));
        queue.StartDirectCall("c1", Ann, "call-1", Now, Now.AddMinutes(30));

        queue.Release("c1", "call-other");

        Assert.Equal("call-1", queue.LeaseOf("c1")!.CallId);
        Assert.Null(Next(queue, Bob, Now));
    }

    [Fact]
    public void Releasing_for_a_call_that_does_not_hold_the_contact_changes_nothing()
    {
        var queue = Queue(Contact("c1"));
        Next(queue, Ann, Now);

        queue.Release("c1", "call-1");

        Assert.Null(Next(queue, Bob, Now));
        Assert.Equal(Ann, queue.LeaseOf("c1")!.AgentId);
    }

    [Fact]
    public void A_lead_whose_lease_lapsed_goes_back_to_its_place_in_line_not_to_the_end()
    {
        var queue = Queue(Contact("a", due: Now), Contact("b", due: Now), Contact("c", due: Now));
        Assert.Equal("a", Next(queue, Ann, Now)!.Contact.ContactId);

        Assert.Equal(["a", "b", "c"], Drain(queue, Bob, Now + LeaseFor).Select(h => h.Contact.ContactId));
    }

    [Fact]
    public void A_number_already_in_the_campaign_is_known_whatever_the_contact_id()
    {
        var queue = Queue(Contact("c1"));

        Assert.True(queue.HasPhone("+390612345678"));
        Assert.False(queue.HasPhone("+390699999999"));
    }

    [Fact]
    public void A_contact_set_aside_is_not_looked_at_again_before_the_given_time()
    {
        var queue = Queue(Contact("blocked"), Contact("other", due: Now.AddMinutes(-5)));
        Assert.Equal("blocked", Next(queue, Ann, Now)!.Contact.ContactId);

        var until = Now + DialerQueue.BlockedRecheck;
        queue.SetAside("blocked", until);

        Assert.Null(queue.LeaseOf("blocked"));
        Assert.Equal(["other"], Drain(queue, Ann, until.AddTicks(-1)).Select(h => h.Contact.ContactId));
        Assert.Equal("blocked", Next(queue, Bob, until)?.Contact.ContactId);
    }

    [Fact]
    public void A_contact_set_aside_counts_as_scheduled_until_it_is_looked_at_again()
    {
        var queue = Queue(Contact("blocked"), Contact("other", due: Now.AddMinutes(-5)));
        Next(queue, Ann, Now);
        var until = Now + DialerQueue.BlockedRecheck;
        queue.SetAside("blocked", until);

        Assert.Equal(new DialerStats(1, 1, 0, 0, 2), queue.Stats(Now));
        Assert.Equal(new DialerStats(2, 0, 0, 0, 2), queue.Stats(until));
    }

    [Fact]
    public void A_private_callback_set_aside_counts_as_scheduled_even_after_it_turns_public_meanwhile()
    {
        var queue = Queue(Contact("cb", DialStage.Callback, Now.AddMinutes(-20), owner: Ann));
        Next(queue, Ann, Now);
        var until = Now + DialerQueue.BlockedRecheck;
        queue.SetAside("cb", until);

        Assert.Equal(new DialerStats(0, 1, 0, 0, 1), queue.Stats(Now.AddMinutes(11)));
        Assert.Equal(new DialerStats(1, 0, 0, 0, 1), queue.Stats(until));
    }

    [Fact]
    public void A_private_callback_set_aside_stays_aside_even_when_it_turns_public_meanwhile()
    {
        // Due 20 minutes ago with a 30-minute grace: it turns public 10 minutes from now, inside the 15 minutes it is set aside.
        var queue = Queue(Contact("cb", DialStage.Callback, Now.AddMinutes(-20), owner: Ann));
        Assert.Equal("cb", Next(queue, Ann, Now)!.Contact.ContactId);

        var until = Now + DialerQueue.BlockedRecheck;
        queue.SetAside("cb", until);

        Assert.Null(Next(queue, Bob, Now.AddMinutes(11)));
        Assert.Null(Next(queue, Bob, until.AddTicks(-1)));
        var handOut = Next(queue, Bob, until);
        Assert.NotNull(handOut);
        Assert.Equal(HandOutReason.Callback, handOut.Lease.Why);
    }

    [Fact]
    public void A_contact_set_aside_after_its_state_changed_meanwhile_is_in_the_queue_once()
    {
        // The dialer grain checks the do-not-call list between the hand-out and the set-aside; a new state may arrive in between.
        var queue = Queue(Contact("blocked"));
        Next(queue, Ann, Now);
        queue.Upsert(Contact("blocked", DialStage.Retry, Now.AddMinutes(-1), version: 2));

        var until = Now + DialerQueue.BlockedRecheck;
        queue.SetAside("blocked", until);

        Assert.Null(Next(queue, Bob, Now));
        Assert.Equal(["blocked"], Drain(queue, Bob, until).Select(h => h.Contact.ContactId));
    }

    // ---- contact states ----

    [Fact]
    public void An_older_version_of_a_contact_is_ignored()
    {
        var queue = Queue(Contact("c1", DialStage.Retry, Now.AddHours(2), version: 5));

        queue.Upsert(Contact("c1", DialStage.Fresh, Now.AddHours(-1), version: 4));

        Assert.Equal(5, queue.Find("c1")!.Version);
        Assert.Null(Next(queue, Ann, Now));
    }

    [Fact]
    public void A_newer_version_moves_the_contact_to_where_its_new_state_belongs()
    {
        var queue = Queue(Contact("c1", DialStage.Retry, Now.AddHours(2), version: 1));

        queue.Upsert(Contact("c1", DialStage.Callback, Now.AddMinutes(-1), owner: Ann, version: 2));

        Assert.Null(Next(queue, Bob, Now));
        Assert.Equal(HandOutReason.PrivateCallback, Next(queue, Ann, Now)?.Lease.Why);
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void A_done_contact_leaves_the_queue_and_counts_as_done()
    {
        var queue = Queue(Contact("c1"));
        Next(queue, Ann, Now);

        queue.Upsert(Contact("c1", DialStage.Done, Now, version: 2));

        Assert.True(queue.Contains("c1"));
        Assert.Null(queue.LeaseOf("c1"));
        Assert.Null(Next(queue, Bob, Now.AddDays(1)));
        Assert.Equal(new DialerStats(0, 0, 0, 1, 1), queue.Stats(Now));
    }

    [Fact]
    public void The_same_contact_state_told_again_changes_nothing_and_keeps_its_lease()
    {
        var queue = Queue(Contact("c1"));
        var handOut = Next(queue, Ann, Now)!;

        queue.Upsert(Contact("c1"));

        Assert.Equal(handOut.Lease, queue.LeaseOf("c1"));
        Assert.Null(Next(queue, Bob, Now));
    }

    [Fact]
    public void Two_contacts_of_one_person_are_never_on_two_calls_at_once_whatever_their_ids()
    {
        var samePhone = Contact("lead-1");
        var sameCustomer = Contact("cust-1") with { Phone = "+390699999999", CustomerId = "cust-1" };
        var queue = Queue(samePhone with { CustomerId = "cust-1" }, Contact("lead-2"), sameCustomer);
        queue.StartDirectCall("lead-1", Ann, "call-1", Now, Now.AddHours(1));

        Refused(ProblemKind.Conflict, () => queue.StartDirectCall("lead-2", Bob, "call-2", Now, Now.AddHours(1)));
        Refused(ProblemKind.Conflict, () => queue.StartDirectCall("cust-1", Bob, "call-2", Now, Now.AddHours(1)));
        Refused(ProblemKind.Conflict, () => queue.StartDirectCall("cust-1", Ann, "call-3", Now, Now.AddHours(1)));

        queue.Release("lead-1", "call-1");
        Assert.Equal("call-2", queue.StartDirectCall("lead-2", Bob, "call-2", Now, Now.AddHours(1)).Lease.CallId);
    }

    [Fact]
    public void A_done_contact_given_a_newer_state_comes_back_and_no_longer_counts_as_done()
    {
        var queue = Queue(Contact("c1", DialStage.Done, Now, version: 3));
        queue.Upsert(Contact("c1", DialStage.Done, Now, version: 3)); // the same state again is counted once
        Assert.Equal(1, queue.Stats(Now).Done);

        queue.Upsert(Contact("c1", DialStage.Callback, Now.AddHours(1), version: 4));

        Assert.Equal(new DialerStats(0, 1, 0, 0, 1), queue.Stats(Now));
    }

    [Fact]
    public void Stats_count_due_scheduled_leased_and_done_contacts()
    {
        var queue = Queue(
            Contact("due-fresh"),
            Contact("due-retry", DialStage.Retry, Now.AddMinutes(-1)),
            Contact("due-outside-window", zone: "Asia/Tokyo"),
            Contact("scheduled-retry", DialStage.Retry, Now.AddHours(1)),
            Contact("scheduled-callback", DialStage.Callback, Now.AddDays(1), owner: Bob),
            Contact("done", DialStage.Done, Now.AddDays(-1)),
            Contact("leased"));
        queue.StartDirectCall("leased", Ann, "call-1", Now, Now.AddMinutes(30));

        Assert.Equal(new DialerStats(3, 2, 1, 1, 7), queue.Stats(Now));
    }

    [Fact]
    public void Stats_count_an_expired_lease_back_as_due()
    {
        var queue = Queue(Contact("c1"));
        Next(queue, Ann, Now);

        Assert.Equal(new DialerStats(0, 0, 1, 0, 1), queue.Stats(Now));
        Assert.Equal(new DialerStats(1, 0, 0, 0, 1), queue.Stats(Now + LeaseFor));
    }

    // ---- reconfiguration ----

    [Fact]
    public void Wider_calling_hours_let_a_contact_waiting_for_its_window_be_called_at_once()
    {
        // 08:00 in New York: outside 09:00–20:00, inside 07:00–20:00.
        var queue = Queue(Contact("ny", zone: "America/New_York"));
        Assert.Null(Next(queue, Ann, Now));

        queue.Reconfigure(new CallingHours("07:00", "20:00"), Grace);

        Assert.Equal(new CallingHours("07:00", "20:00"), queue.Hours);
        Assert.Equal("ny", Next(queue, Ann, Now)?.Contact.ContactId);
    }

    [Fact]
    public void Narrower_calling_hours_keep_a_contact_out_of_its_new_closed_hours()
    {
        // 13:00 in Rome: open 09:00–20:00, closed 14:00–20:00.
        var queue = Queue(Contact("rome"));

        queue.Reconfigure(new CallingHours("14:00", "20:00"), Grace);

        Assert.Null(Next(queue, Ann, Now));
        Assert.Equal("rome", Next(queue, Ann, Now.AddHours(1))?.Contact.ContactId);
    }

    [Fact]
    public void A_shorter_grace_turns_an_overdue_private_callback_public_sooner()
    {
        var queue = Queue(Contact("bobs", DialStage.Callback, Now.AddMinutes(-10), owner: Bob));
        Assert.Null(Next(queue, Ann, Now));

        queue.Reconfigure(CallingHours.Default, TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.FromMinutes(5), queue.PrivateCallbackGrace);
        Assert.Equal(HandOutReason.Callback, Next(queue, Ann, Now)?.Lease.Why);
    }

    [Fact]
    public void Reconfiguring_leaves_a_leased_contact_with_its_agent()
    {
        var queue = Queue(Contact("c1"));
        var lease = Next(queue, Ann, Now)!.Lease;

        queue.Reconfigure(new CallingHours("07:00", "20:00"), Grace);

        Assert.Equal(lease, queue.LeaseOf("c1"));
        Assert.Null(Next(queue, Bob, Now));
    }
}
