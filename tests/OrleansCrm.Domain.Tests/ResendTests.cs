using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Orders;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

public sealed class ResendTests
{
    [Fact]
    public void A_completed_email_is_resent_as_a_new_waiting_row_due_now()
    {
        var order = Trial();
        RunDue(order, PlacedAt);
        var count = order.Workflow.Count;

        var copy = order.Resend(WorkflowIds.OrderConfirmation, Day(2));

        Assert.Equal("order-confirmation-resend-1", copy.Id);
        Assert.Equal(count + 1, order.Workflow.Count);
        Assert.Same(copy, order.Event(copy.Id));
        Assert.Equal((WorkflowStatus.Waiting, WorkflowEventType.Email, WorkflowKind.OrderConfirmation, Day(2)), (copy.Status, copy.Type, copy.Kind, copy.ScheduledAt));
        Assert.Equal(WorkflowIds.OrderConfirmation, copy.ResendOf);
        Assert.Contains("(resent)", Said.Description(copy));
        Assert.Equal(copy.Id, order.NextDueEvent(Day(2))?.Id);
        Assert.Equal(WorkflowStatus.Completed, order.Event(WorkflowIds.OrderConfirmation).Status);
    }

    [Fact]
    public void Resending_again_numbers_the_copies_from_the_original()
    {
        var order = Trial();
        RunDue(order, PlacedAt);
        var first = order.Resend(WorkflowIds.OrderConfirmation, Day(2));
        Email(order, first.Id, DeliveryStatus.Sent, Day(2));

        var second = order.Resend(first.Id, Day(3));
        var third = order.Resend(WorkflowIds.OrderConfirmation, Day(3));

        Assert.Equal("order-confirmation-resend-2", second.Id);
        Assert.Equal("order-confirmation-resend-3", third.Id);
        Assert.Equal(WorkflowIds.OrderConfirmation, second.ResendOf);
        Assert.DoesNotContain("(resent) (resent)", Said.Description(second));
    }

    [Fact]
    public void A_resent_extension_offer_carries_the_same_link()
    {
        var order = Trial();
        RunDue(order, Day(12));
        order.GiveExtensionLink(WorkflowIds.ExtensionOffer, "https://crm.example/api/v1/trial-extensions/tok-abc");
        RunDue(order, Day(13));

        var copy = order.Resend(WorkflowIds.ExtensionOffer, Day(13.5));

        Assert.Equal("https://crm.example/api/v1/trial-extensions/tok-abc", copy.Link);
        Assert.Equal(WorkflowKind.ExtensionOffer, copy.Kind);
    }

    [Fact]
    public void Only_a_completed_email_offers_the_resend_action()
    {
        var order = Trial();
        RunDue(order, PlacedAt);

        Assert.Equal(["resend"], order.Event(WorkflowIds.OrderConfirmation).Actions);
        Assert.Empty(order.Event(WorkflowIds.TrialReminder).Actions);
        Assert.Empty(order.Event(WorkflowIds.ShippingCharge).Actions);
    }

    [Fact]
    public void An_email_that_was_not_sent_yet_cannot_be_resent()
    {
        var order = Trial();
        var before = Snapshot(order);

        Conflict(() => order.Resend(WorkflowIds.TrialReminder, Day(1)));

        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void A_failed_email_cannot_be_resent()
    {
        var order = Trial();
        Email(order, WorkflowIds.OrderConfirmation, DeliveryStatus.Failed, PlacedAt);

        Conflict(() => order.Resend(WorkflowIds.OrderConfirmation, Day(1)));
    }

    [Fact]
    public void A_charge_cannot_be_resent_even_when_completed()
    {
        var order = Trial();
        RunDue(order, PlacedAt);
        var before = Snapshot(order);

        var refusal = Conflict(() => order.Resend(WorkflowIds.ShippingCharge, Day(1)));

        Assert.Contains("email", refusal.Title);
        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void Resending_an_unknown_row_is_NotFound()
    {
        var refusal = Assert.Throws<DomainException>(() => Trial().Resend("nope", Day(1)));
        Assert.Equal(ProblemKind.NotFound, refusal.Kind);
    }
}
