using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Domain.Tests;

/// <summary>PRODUCT.md §3: every outcome takes an optional message to the customer, with a copy to the manager.</summary>
public sealed class OutcomeMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static CallAttempt Call(CustomerMessage? message, string? email = "maria@example.com")
    {
        var call = new CallAttempt
        {
            Id = "call-1", CampaignId = "camp-1", ContactId = "lead-1", ContactName = "Maria Rossi", Phone = "+390612345678", Email = email,
            TimeZone = "Europe/Rome", CustomerId = "cust-1", AgentId = "agent-ann", StartedBy = "agent-ann", StartedAt = Now, TimesOutAt = Now.AddHours(1),
        };
        call.SaveDraft(new CallDraft(null, null, null, null, message), Now, "agent-ann");
        return call;
    }

    [Fact]
    public void The_message_goes_to_the_contact_keyed_by_the_call_so_it_is_sent_once()
    {
        var message = OutcomeMessages.ToCustomer(Call(new CustomerMessage("Your order", "Thanks")))!;

        Assert.Equal(("call:call-1:message", "maria@example.com", "Maria Rossi", "Your order", "Thanks"), (message.Key, message.To, message.ToName, message.Subject, message.TextBody));
    }

    [Fact]
    public void Without_a_message_in_the_draft_nothing_is_sent()
    {
        Assert.Null(OutcomeMessages.ToCustomer(Call(null)));
        Assert.False(OutcomeMessages.WantsManagerCopy(Call(null)));
        OutcomeMessages.CheckCanBeSent(Call(null, email: null));
    }

    [Fact]
    public void A_message_needs_the_contacts_email_address()
    {
        Refusals.OnlyFor("draft.message", () => OutcomeMessages.CheckCanBeSent(Call(new CustomerMessage("Hi", "Body"), email: null)));
    }

    [Fact]
    public void The_copy_goes_to_the_customers_personal_manager_or_without_one_to_the_calling_agent()
    {
        var call = Call(new CustomerMessage("Hi", "Body"));

        Assert.True(OutcomeMessages.WantsManagerCopy(call));
        Assert.Equal("manager-max", OutcomeMessages.ManagerOf(call, "manager-max"));
        Assert.Equal("agent-ann", OutcomeMessages.ManagerOf(call, personalManager: null));
    }

    [Fact]
    public void No_copy_goes_when_the_message_asks_for_none()
    {
        Assert.False(OutcomeMessages.WantsManagerCopy(Call(new CustomerMessage("Hi", "Body", CopyToManager: false))));
    }

    [Fact]
    public void The_managers_copy_says_who_the_message_went_to_on_which_call_and_outcome_then_quotes_it()
    {
        var copy = OutcomeMessages.ManagerCopy(Call(new CustomerMessage("Hi", "Body")), "max@example.com", "refusal");

        Assert.Equal(("call:call-1:message-copy", "max@example.com", null, "Copy: Hi"), (copy.Key, copy.To, copy.ToName, copy.Subject));
        Assert.Equal(
            "Copy of the message sent to maria@example.com after call call-1 (agent agent-ann, outcome refusal).\n\n---\n\nBody", copy.TextBody);
    }
}
