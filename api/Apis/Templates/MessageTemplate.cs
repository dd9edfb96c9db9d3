using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// A message template as the API reads and writes it. <c>channel</c> is <c>email</c> or <c>sms</c>; <c>recipients</c>
/// are fixed addresses or E.164 numbers and the fields <c>customer.email</c>, <c>customer.phone</c>, <c>agent.email</c>,
/// <c>manager.email</c>; <c>subject</c> (email), <c>body</c> and <c>htmlBody</c> (email) hold variables
/// <c>{$name}</c> / <c>{$customer.name}</c> / <c>{$booking.start:long}</c> from the trigger's catalog
/// (<c>GET /api/v1/message-triggers</c>); attachments (email only) carry their bytes in base64.
/// The subject and bodies are free text: a card number typed into them is cut to its last four digits.
/// </summary>
public sealed record MessageTemplate(
    string? Channel,
    TemplateSender? From,
    IReadOnlyList<string>? Recipients,
    [FreeText] string? Subject,
    [FreeText] string? Body,
    [FreeText] string? HtmlBody,
    IReadOnlyList<string>? Images,
    IReadOnlyList<TemplateAttachment>? Attachments,
    TemplateTrigger? Trigger,
    IReadOnlyList<TemplateConstraint>? Constraints,
    MissingValueRule? MissingValue,
    bool? Enabled)
{
    public static MessageTemplate Of(Domain.Messaging.Templates.MessageTemplate t) =>
        new(t.Channel, TemplateSender.From(t.From), t.Recipients, t.Subject, t.Body, t.HtmlBody, t.Images, t.Attachments?.Select(TemplateAttachment.From).ToList(),
            TemplateTrigger.From(t.Trigger), t.Constraints?.Select(TemplateConstraint.From).ToList(), MissingValueRule.From(t.MissingValue), t.Enabled);

    /// <summary>The template for the domain, checked here by the domain's rule (the grain checks it again before it stores it).</summary>
    public Domain.Messaging.Templates.MessageTemplate ToDomain()
    {
        var template = new Domain.Messaging.Templates.MessageTemplate(Channel, From?.ToDomain(), Recipients, Subject, Body, HtmlBody, Images,
            Attachments?.Select(a => a?.ToDomain()!).ToList(), Trigger?.ToDomain(), Constraints?.Select(c => c?.ToDomain()!).ToList(), MissingValue?.ToDomain(), Enabled);
        template.Validated();
        return template;
    }
}
