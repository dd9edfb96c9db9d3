using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Tests;

public sealed class CallAttemptTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private const string Author = "agent-ann";
    private const string Card = "4111 1111 1111 1111";
    private const string Redacted = "XXXX XXXX XXXX 1111";

    private static CallAttempt Call() => new()
    {
        Id = "call-1",
        CampaignId = "camp-spring",
        ContactId = "lead-1",
        Phone = "+390612345678",
        TimeZone = "Europe/Rome",
        AgentId = Author,
        StartedBy = Author,
        StartedAt = Now,
        TimesOutAt = Now.AddMinutes(30),
    };

    private static CallAttempt CallIn(CallStatus status)
    {
        var call = Call();
        switch (status)
        {
            case CallStatus.Confirmed:
                call.Confirm(Outcome(), Now.AddMinutes(5));
                break;
            case CallStatus.Discarded:
                call.Discard(Now.AddMinutes(5), timedOut: false);
                break;
            case CallStatus.TimedOut:
                call.Discard(Now.AddMinutes(30), timedOut: true);
                break;
        }

        return call;
    }

    private static ConfirmedOutcome Outcome() => new(
        "refusal", "Refusal", "N", "#C62828", "No thanks", null, null, null, null, null, null, false, Now.AddMinutes(5), Author);

    private static CallDraft Draft(string? notes = null, Cart? cart = null, AppointmentSlot? appointment = null, string? linkedOrderId = null, CustomerMessage? message = null) =>
        CallDraft.Checked(notes, cart, appointment, linkedOrderId, message is null ? null : (message.Subject, message.Body, message.CopyToManager, message.TemplateId));

    private static CallDraft Saved(CallDraft draft)
    {
        var call = Call();
        call.SaveDraft(draft, Now, Author);
        return call.Draft;
    }

    private static CallDraft Full() => Draft(
        "Wants the large size",
        new Cart("EUR", [new CartLine("Cream", 2, 49.95m)]),
        new AppointmentSlot(Author, Now.AddDays(1)),
        "WEB-778",
        new CustomerMessage("Your offer", "As agreed on the phone."));

    private static void RefusedAs(ProblemKind kind, Action action) =>
        Assert.Equal(kind, Assert.Throws<DomainException>(action).Kind);

    // ---- the draft ----

    [Fact]
    public void The_draft_is_replaced_as_a_whole_each_time_it_is_saved()
    {
        var call = Call();
        call.SaveDraft(Full(), Now, Author);

        call.SaveDraft(Draft(notes: "Only notes now"), Now.AddMinutes(1), Author);

        Assert.Equal(Draft(notes: "Only notes now"), call.Draft);
    }

    [Fact]
    public void Notes_are_capped()
    {
        Assert.Equal(CallDraft.MaxNotes, Saved(Draft(notes: new string('n', CallDraft.MaxNotes))).Notes!.Length);
        Refusals.OnlyFor("notes", () => Saved(Draft(notes: new string('n', CallDraft.MaxNotes + 1))));
    }

    [Fact]
    public void A_message_subject_and_body_are_capped()
    {
        Saved(Draft(message: new CustomerMessage(new string('s', CallDraft.MaxSubject), new string('b', CallDraft.MaxBody))));

        Refusals.OnlyFor("message.subject", () => Saved(Draft(message: new CustomerMessage(new string('s', CallDraft.MaxSubject + 1), "Body"))));
        Refusals.OnlyFor("message.body", () => Saved(Draft(message: new CustomerMessage("Subject", new string('b', CallDraft.MaxBody + 1)))));
    }

    [Fact]
    public void A_message_needs_a_subject_and_a_body()
    {
        Assert.Equal(
            ["message.body", "message.subject"],
            Refusals.FieldsOf(() => Saved(CallDraft.Checked(null, null, null, null, (" ", null, true, null)))).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_cart_holds_at_most_50_lines()
    {
        var line = new CartLine("Cream", 1, 10m);

        Assert.Equal(Cart.MaxLines, Saved(Draft(cart: new Cart("EUR", Enumerable.Repeat(line, Cart.MaxLines).ToList()))).Cart!.Lines!.Count);
        Refusals.OnlyFor("cart.lines", () => Saved(Draft(cart: new Cart("EUR", Enumerable.Repeat(line, Cart.MaxLines + 1).ToList()))));
    }

    [Fact]
    public void Card_numbers_are_cut_to_their_last_four_digits_in_notes_message_and_cart_products()
    {
        var draft = Saved(Draft(
            notes: $"  card {Card} read out  ",
            cart: new Cart("EUR", [new CartLine($"Cream {Card}", 1, 10m)]),
            message: new CustomerMessage($"Card {Card}", $"We noted {Card}.")));

        Assert.Equal($"card {Redacted} read out", draft.Notes);
        Assert.Equal($"Card {Redacted}", draft.Message!.Subject);
        Assert.Equal($"We noted {Redacted}.", draft.Message.Body);
        Assert.Equal($"Cream {Redacted}", draft.Cart!.Lines![0].Product);
    }

    [Fact]
    public void Cart_prices_may_not_have_more_decimals_than_the_currency()
    {
        Saved(Draft(cart: new Cart("JPY", [new CartLine("Cream", 1, 5400m)])));
        Saved(Draft(cart: new Cart("USD", [new CartLine("Cream", 1, 49.95m)])));
        Saved(Draft(cart: new Cart("BHD", [new CartLine("Cream", 1, 1.250m)])));

        Refusals.OnlyFor("cart.lines[0].unitPrice", () => Saved(Draft(cart: new Cart("JPY", [new CartLine("Cream", 1, 5400.5m)]))));
        Refusals.OnlyFor("cart.lines[1].unitPrice", () => Saved(Draft(cart: new Cart("USD", [new CartLine("Cream", 1, 1m), new CartLine("Serum", 1, 19.999m)]))));
    }

    [Fact]
    public void A_cart_needs_a_known_currency()
    {
        Refusals.OnlyFor("cart.currency", () => Saved(Draft(cart: new Cart(null, [new CartLine("Cream", 1, 10m)]))));
        Refusals.OnlyFor("cart.currency", () => Saved(Draft(cart: new Cart("EURO", [new CartLine("Cream", 1, 10m)]))));
    }

    [Fact]
    public void A_cart_line_needs_a_product_a_price_and_a_quantity_from_1_to_1000()
    {
        Refusals.OnlyFor("cart.lines[0].product", () => Saved(Draft(cart: new Cart("EUR", [new CartLine(null, 1, 10m)]))));
        Refusals.OnlyFor("cart.lines[0].unitPrice", () => Saved(Draft(cart: new Cart("EUR", [new CartLine("Cream", 1, null)]))));
        Refusals.OnlyFor("cart.lines[0].unitPrice", () => Saved(Draft(cart: new Cart("EUR", [new CartLine("Cream", 1, -1m)]))));
        Refusals.OnlyFor("cart.lines[0].quantity", () => Saved(Draft(cart: new Cart("EUR", [new CartLine("Cream", 0, 10m)]))));
        Refusals.OnlyFor("cart.lines[0].quantity", () => Saved(Draft(cart: new Cart("EUR", [new CartLine("Cream", 1001, 10m)]))));
        Refusals.OnlyFor("cart.lines[0]", () => Saved(Draft(cart: new Cart("EUR", [null!]))));
    }

    [Fact]
    public void A_cart_line_without_a_quantity_is_one_of_it()
    {
        var cart = Saved(Draft(cart: new Cart("EUR", [new CartLine(" Cream ", null, 10m), new CartLine("Serum", 3, 2.50m)]))).Cart!;

        Assert.Equal(new CartLine("Cream", 1, 10m), cart.Lines![0]);
        Assert.Equal(17.50m, cart.Total());
    }

    [Fact]
    public void An_appointment_slot_needs_a_start()
    {
        Refusals.OnlyFor("appointment.start", () => Saved(Draft(appointment: new AppointmentSlot(Author, null))));
        Refusals.OnlyFor("appointment.agentId", () => Saved(Draft(appointment: new AppointmentSlot("agent ann", Now.AddDays(1)))));
    }

    [Fact]
    public void A_linked_order_id_in_the_draft_is_recorded_pending_validation()
    {
        var call = Call();

        call.SaveDraft(Draft(linkedOrderId: "WEB-778"), Now, Author);
        call.SaveDraft(Draft(notes: "more", linkedOrderId: "WEB-778"), Now.AddMinutes(2), Author);

        Assert.Equal(new LinkedOrder("WEB-778", LinkStatus.PendingValidation, Now, Author), call.LinkedOrder);
        Refusals.OnlyFor("linkedOrderId", () => call.SaveDraft(Draft(linkedOrderId: "WEB 778"), Now, Author));
    }

    // ---- status ----

    [Fact]
    public void Confirming_an_open_call_commits_its_draft_and_ends_it_confirmed()
    {
        var call = Call();
        call.SaveDraft(Full(), Now, Author);
        var draft = call.Draft;

        call.Confirm(Outcome(), Now.AddMinutes(5));

        Assert.Equal(CallStatus.Confirmed, call.Status);
        Assert.False(call.IsOpen);
        Assert.Equal(Now.AddMinutes(5), call.EndedAt);
        Assert.Equal(Outcome(), call.Outcome);
        Assert.Equal(draft, call.Draft);
    }

    [Theory]
    [InlineData(false, CallStatus.Discarded)]
    [InlineData(true, CallStatus.TimedOut)]
    public void Discarding_an_open_call_keeps_nothing_of_its_draft(bool timedOut, CallStatus status)
    {
        var call = Call();
        call.SaveDraft(Full(), Now, Author);
        call.AttachRecording(new CallRecording("audio/mpeg", 1024, "abc", Now));

        call.Discard(Now.AddMinutes(30), timedOut);

        Assert.Equal(status, call.Status);
        Assert.Equal(CallDraft.Empty, call.Draft);
        Assert.Null(call.Recording);
        Assert.Null(call.LinkedOrder);
        Assert.Null(call.Outcome);
        Assert.Equal(Now.AddMinutes(30), call.EndedAt);
    }

    public static TheoryData<CallStatus, string> EveryChangeOfAClosedCall()
    {
        var data = new TheoryData<CallStatus, string>();
        foreach (var status in new[] { CallStatus.Confirmed, CallStatus.Discarded, CallStatus.TimedOut })
        {
            foreach (var change in new[] { "confirm", "discard", "time out", "save draft", "attach recording" })
            {
                data.Add(status, change);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryChangeOfAClosedCall))]
    public void A_call_that_is_no_longer_open_refuses_every_change_as_a_conflict(CallStatus status, string change)
    {
        var call = CallIn(status);
        var endedAt = call.EndedAt;

        var refusal = OrderTestData.Conflict(() =>
        {
            switch (change)
            {
                case "confirm":
                    call.Confirm(Outcome(), Now.AddHours(1));
                    break;
                case "discard":
                    call.Discard(Now.AddHours(1), timedOut: false);
                    break;
                case "time out":
                    call.Discard(Now.AddHours(1), timedOut: true);
                    break;
                case "save draft":
                    call.SaveDraft(Draft(notes: "late"), Now.AddHours(1), Author);
                    break;
                default:
                    call.AttachRecording(new CallRecording("audio/mpeg", 1, "abc", Now.AddHours(1)));
                    break;
            }
        });

        Assert.Equal("The call is not open", refusal.Title);
        Assert.Equal(status, call.Status);
        Assert.Equal(endedAt, call.EndedAt);
    }

    // ---- the linked order ----

    [Fact]
    public void The_call_s_author_links_an_order_during_the_call_and_the_draft_follows()
    {
        var call = Call();

        call.LinkOrder("WEB-778", Now, Author, isAdmin: false);

        Assert.Equal(new LinkedOrder("WEB-778", LinkStatus.PendingValidation, Now, Author), call.LinkedOrder);
        Assert.Equal("WEB-778", call.Draft.LinkedOrderId);
    }

    [Fact]
    public void The_call_s_author_may_change_the_linked_order_after_the_call_is_confirmed()
    {
        var call = CallIn(CallStatus.Confirmed);

        call.LinkOrder("WEB-779", Now.AddDays(1), Author, isAdmin: false);

        Assert.Equal("WEB-779", call.LinkedOrder!.OrderId);
        Assert.Equal(LinkStatus.PendingValidation, call.LinkedOrder.Status);
    }

    [Fact]
    public void An_admin_may_change_the_linked_order_of_another_agent_s_call()
    {
        var call = CallIn(CallStatus.Confirmed);

        call.LinkOrder("WEB-780", Now.AddDays(1), "admin-zoe", isAdmin: true);

        Assert.Equal(new LinkedOrder("WEB-780", LinkStatus.PendingValidation, Now.AddDays(1), "admin-zoe"), call.LinkedOrder);
    }

    [Theory]
    [InlineData(CallStatus.Open)]
    [InlineData(CallStatus.Confirmed)]
    public void Another_agent_may_not_change_the_linked_order(CallStatus status)
    {
        var call = CallIn(status);

        RefusedAs(ProblemKind.Forbidden, () => call.LinkOrder("WEB-778", Now, "agent-bob", isAdmin: false));

        Assert.Null(call.LinkedOrder);
    }

    [Theory]
    [InlineData(CallStatus.Discarded)]
    [InlineData(CallStatus.TimedOut)]
    public void A_discarded_call_takes_no_linked_order(CallStatus status)
    {
        var call = CallIn(status);

        OrderTestData.Conflict(() => call.LinkOrder("WEB-778", Now, Author, isAdmin: false));
        OrderTestData.Conflict(() => call.LinkOrder("WEB-778", Now, "admin-zoe", isAdmin: true));

        Assert.Null(call.LinkedOrder);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("WEB 778")]
    public void A_linked_order_id_must_be_an_id(string? orderId)
    {
        var call = Call();

        Refusals.OnlyFor("orderId", () => call.LinkOrder(orderId, Now, Author, isAdmin: false));

        Assert.Null(call.LinkedOrder);
    }
}
