using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// Every outcome may send the draft's message to the customer, with a copy to the customer's manager: their personal
/// manager, or, without one, the calling agent. Each message is keyed by the call, so it is sent once.
/// </summary>
public static class OutcomeMessages
{
    /// <summary>A message needs the contact's email address; the outcome is refused before anything happens without one.</summary>
    public static void CheckCanBeSent(CallAttempt call)
    {
        if (call.Draft.Message is not null && call.Email is null)
        {
            throw DomainException.Invalid(new Dictionary<string, string[]>
            {
                ["draft.message"] = [$"Contact '{call.ContactId}' has no email address; the message cannot be sent."],
            });
        }
    }

    /// <summary>The draft's message to the customer; null when the draft has none.</summary>
    public static EmailMessage? ToCustomer(CallAttempt call) =>
        call.Draft.Message is { } message ? new EmailMessage($"call:{call.Id}:message", call.Email!, call.ContactName, message.Subject!, message.Body!, Context: ContextOf(call)) : null;

    /// <summary>Whether the message asks for a manager copy.</summary>
    public static bool WantsManagerCopy(CallAttempt call) => call.Draft.Message is { CopyToManager: true };

    /// <summary>Who gets the copy: the customer's personal manager, or the calling agent when the customer has none (or the contact is a lead).</summary>
    public static string ManagerOf(CallAttempt call, string? personalManager) => personalManager ?? call.AgentId;

    /// <summary>The manager's copy: who the message went to, on which call, then the message itself.</summary>
    public static EmailMessage ManagerCopy(CallAttempt call, string managerEmail, string outcomeCode)
    {
        var (subject, body) = CallEmails.ManagerCopy(call, call.Email!, call.Draft.Message!, outcomeCode);
        return new EmailMessage($"call:{call.Id}:message-copy", managerEmail, null, subject, body, Context: ContextOf(call));
    }

    /// <summary>What an outcome's email is about, for the message log: the call, its customer and order.</summary>
    private static MessageContext ContextOf(CallAttempt call) => new(call.CustomerId, call.OrderNumber, call.Id);
}
