using System.Globalization;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// The messages a confirmed outcome sends. The draft's message goes to the customer, with a copy to the customer's
/// manager: their personal manager, or, without one, the calling agent; it is the agent's free text, or the
/// rendering of a campaign email template the agent picked on the outcome form and may have edited. Besides it,
/// every enabled template of the campaign on the <c>outcome</c> trigger whose outcome (code or type) and constraints
/// hold is rendered, one message per recipient. Each message is keyed by the call, so it is sent once.
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

    /// <summary>
    /// The template the draft's message names must still be one of the campaign's email templates; the outcome is
    /// refused before anything happens otherwise. A message naming none needs nothing.
    /// </summary>
    public static void CheckPickedTemplate(CallAttempt call, VersionedTemplate? picked)
    {
        if (call.Draft.Message?.TemplateId is not { } id)
        {
            return;
        }

        var problem = picked is null
            ? $"Campaign '{call.CampaignId}' has no template '{id}'."
            : !picked.Template.IsEmail ? $"'{id}' is an {picked.Template.Channel} template; the outcome form's message is an email." : null;
        if (problem is not null)
        {
            throw DomainException.Invalid(new Dictionary<string, string[]> { ["draft.message.templateId"] = [problem] });
        }
    }

    /// <summary>The draft's message to the customer; null when the draft has none.</summary>
    public static EmailMessage? ToCustomer(CallAttempt call) => ToCustomer(call, picked: null);

    /// <summary>The draft's message to the customer, recorded with the version of the template it was picked from (if any); null when the draft has none.</summary>
    public static EmailMessage? ToCustomer(CallAttempt call, VersionedTemplate? picked) =>
        call.Draft.Message is { } message
            ? new EmailMessage($"call:{call.Id}:message", call.Email!, call.ContactName, message.Subject, message.Body, Context: ContextOf(call, message.TemplateId is null ? null : picked))
            : null;

    /// <summary>Whether the message asks for a manager copy.</summary>
    public static bool WantsManagerCopy(CallAttempt call) => call.Draft.Message is { CopyToManager: true };

    /// <summary>Who gets the copy: the customer's personal manager, or the calling agent when the customer has none (or the contact is a lead).</summary>
    public static string ManagerOf(CallAttempt call, string? personalManager) => personalManager ?? call.AgentId;

    /// <summary>The manager's copy: who the message went to, on which call, then the message itself.</summary>
    public static EmailMessage ManagerCopy(CallAttempt call, string managerEmail, string outcomeCode)
    {
        var (subject, body) = CallEmails.ManagerCopy(call, call.Email!, call.Draft.Message!, outcomeCode);
        return new EmailMessage($"call:{call.Id}:message-copy", managerEmail, null, subject, body, Context: ContextOf(call, null));
    }

    /// <summary>Whether the campaign has an enabled template on the outcome trigger (else no facts need gathering).</summary>
    public static bool HasOutcomeTemplates(IReadOnlyList<VersionedTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(templates);
        return templates.Any(t => t.Template.Enabled != false && t.Template.Trigger?.Event == TriggerEvents.Outcome);
    }

    /// <summary>
    /// The messages of the outcome trigger, through the one rendering of an event's templates
    /// (<see cref="TemplateMessages.Render"/>), keyed <c>outcome:&lt;call&gt;:&lt;template&gt;:v&lt;version&gt;:&lt;recipient&gt;</c>.
    /// The template the agent picked for the draft's message is that message, not one more.
    /// </summary>
    public static IReadOnlyList<TemplateMessage> FromTemplates(CallAttempt call, IReadOnlyList<VersionedTemplate> templates, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(templates);
        var picked = call.Draft.Message?.TemplateId;
        return TemplateMessages.Render(TriggerEvents.Outcome, call.Id, templates.Where(t => t.Id != picked), facts);
    }

    /// <summary>What an outcome's message is about, for the message log: the call, its customer and order, and the template version it came from.</summary>
    public static MessageContext ContextOf(CallAttempt call, VersionedTemplate? template)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new(call.CustomerId, call.OrderNumber, call.Id, template is null ? null : string.Create(CultureInfo.InvariantCulture, $"{template.Id}@{template.Version}"));
    }
}
