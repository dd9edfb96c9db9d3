using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Customers;

namespace OrleansCrm.Domain.Tests;

/// <summary>PRODUCT.md §3: a call attempt belongs to an agent, a campaign, a contact and optionally an order, with its direction and attempt number.</summary>
public sealed class CallStartTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private static readonly DialerContact Contact = new(
        "camp-1", "lead-1", "+390612345678", "Europe/Rome", "Maria Rossi", "maria@example.com", "cust-lead", "ORD-LEAD", DialStage.Retry, Now, null, 2, null, Now, 4);

    private static DialerHandOut HandOut(HandOutReason why = HandOutReason.Retry) =>
        new(new DialerLease("lease_x", "lead-1", "agent-ann", why, Now.AddMinutes(2), null), Contact);

    [Fact]
    public void A_call_starts_open_on_the_handed_out_contact_as_its_next_attempt_and_times_out_later()
    {
        var call = CallAttempt.Start("call-1", new StartCall("agent-ann", "lease_x", "camp-1", null, null, null, null, false), HandOut(), null, "sup-1", Now, TimeSpan.FromMinutes(60));

        Assert.Equal(("call-1", "camp-1", "lead-1", "Maria Rossi", "+390612345678", "maria@example.com", "Europe/Rome"),
            (call.Id, call.CampaignId, call.ContactId, call.ContactName, call.Phone, call.Email, call.TimeZone));
        Assert.Equal(("cust-lead", "ORD-LEAD", "agent-ann", "sup-1", 3), (call.CustomerId, call.OrderNumber, call.AgentId, call.StartedBy, call.Attempt));
        Assert.Equal((CallDirection.Outbound, HandOutReason.Retry, CallStatus.Open, Now, Now.AddMinutes(60)), (call.Direction, call.Why, call.Status, call.StartedAt, call.TimesOutAt));
    }

    [Fact]
    public void A_call_about_an_order_is_about_that_order_and_its_customer_unless_the_request_names_the_customer()
    {
        var order = OrderTestData.Unpaid();

        var aboutOrder = CallAttempt.Start("call-1", new StartCall("agent-ann", null, "camp-1", "lead-1", null, order.Number, "task-1", Inbound: true), HandOut(HandOutReason.Direct), order, "agent-ann", Now, TimeSpan.FromMinutes(60));
        var namedCustomer = CallAttempt.Start("call-2", new StartCall("agent-ann", null, "camp-1", null, "cust-9", order.Number, null, false), HandOut(HandOutReason.Direct), order, "agent-ann", Now, TimeSpan.FromMinutes(60));

        Assert.Equal((order.Customer.Id, order.Number, "task-1", CallDirection.Inbound), (aboutOrder.CustomerId, aboutOrder.OrderNumber, aboutOrder.TaskId, aboutOrder.Direction));
        Assert.Equal("cust-9", namedCustomer.CustomerId);
    }

    [Fact]
    public void A_call_starts_on_a_lease_or_a_named_contact_or_customer_and_a_task_call_names_its_order()
    {
        Refusals.OnlyFor("leaseId", () => new StartCall("agent-ann", null, "camp-1", null, null, null, null, false).Check());
        Refusals.OnlyFor("taskId", () => new StartCall("agent-ann", "lease_x", "camp-1", null, null, null, "task-1", false).Check());
        Refusals.OnlyFor("campaignId", () => new StartCall("agent-ann", "lease_x", null, null, null, null, null, false).Check());
        new StartCall("agent-ann", null, "camp-1", null, "cust-1", null, null, false).Check();
    }

    [Fact]
    public void An_imported_lead_is_a_fresh_contact_due_now_in_its_own_zone_or_the_campaigns_numbered_in_import_order()
    {
        var contact = DialerContact.Fresh("camp-1", new Lead("lead-1", "Maria", "+39", null, null, "cust-1", "ORD-1"), "Europe/Rome", Now, 7);

        Assert.Equal(new DialerContact("camp-1", "lead-1", "+39", "Europe/Rome", "Maria", null, "cust-1", "ORD-1", DialStage.Fresh, Now, null, 0, null, Now, 1, 7), contact);
        Assert.Equal("America/New_York", DialerContact.Fresh("camp-1", new Lead("lead-2", null, "+1", null, "America/New_York", null, null), "Europe/Rome", Now, 8).TimeZone);
    }

    [Fact]
    public void A_customer_called_directly_becomes_a_contact_the_dialer_does_not_hand_out()
    {
        var profile = new CustomerProfile("Maria Rossi", "maria@example.com", "+390612345678", null, "Europe/Rome", null);

        var contact = DialerContact.CalledDirectly("camp-1", "cust-1", "cust-1", profile, "ORD-1", Now);

        Assert.Equal((DialStage.Done, "not-queued", "cust-1", "ORD-1", 1L), (contact.Stage, contact.DoneReason, contact.ContactId, contact.OrderNumber, contact.Version));
    }
}
