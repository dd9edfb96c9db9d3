using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Grains.Orders;

/// <summary>
/// The order's side of the outbox: its workflow emails name the order as their owner, and the outbox reports back
/// where each stands after an attempt, so the order records a sent or failed email without waiting on the transport.
/// The re-check of an email still queued (armed when it was handed to the outbox) stays the backstop.
/// </summary>
public sealed partial class OrderGrain
{
    public async Task EmailDeliveredAsync(string eventId, EmailDelivery delivery)
    {
        if (state.State.Order is not { } order || !IsNewsFor(order, eventId, delivery))
        {
            return;
        }

        order.RecordEmail(eventId, delivery, clock.GetUtcNow(), dueWork.Value.RetryPeriod);
        await SaveAndRunDueWorkAsync();
    }

    /// <summary>The email a workflow event sends: its key (never sent twice) and the order as its owner.</summary>
    private EmailMessage EmailFor(WorkflowEvent email, string to, string subject, string body) =>
        new(EmailKey(email.Id), to, Current.Customer.Name, subject, body, Owner: new EmailOwner(Number, email.Id), Context: new MessageContext(Current.Customer.Id, Number, null));

    private string EmailKey(string eventId) => $"{Number}:{eventId}";

    /// <summary>
    /// A report changes the order only for its own email still waiting (the built-in one's key, or one of the row's
    /// template messages: its event and the order, or the resend's row), and only when it says something new.
    /// </summary>
    private bool IsNewsFor(Order order, string eventId, EmailDelivery delivery) =>
        order.Workflow.FirstOrDefault(e => e.Id == eventId) is { Type: WorkflowEventType.Email, Status: WorkflowStatus.Waiting } e
        && (string.Equals(delivery.Key, EmailKey(eventId), StringComparison.Ordinal)
            || delivery.Key.StartsWith($"{OrderMessages.TriggerOf(e.Kind)}:{OrderMessages.About(order, e)}:", StringComparison.Ordinal))
        && (delivery.Status != DeliveryStatus.Queued || e.Attempts != delivery.Attempts);
}
