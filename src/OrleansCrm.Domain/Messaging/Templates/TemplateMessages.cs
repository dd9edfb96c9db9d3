using System.Globalization;

namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// The one way an event's templates become messages (bookings and orders alike): every template that applies to the
/// event (<see cref="TemplateSelection"/>) rendered, in template id order, one message per recipient; a rendering the
/// template's rule skips makes none. Each message is keyed by the event, what it is about, the template's id and
/// version and the recipient.
/// </summary>
public static class TemplateMessages
{
    public static IReadOnlyList<TemplateMessage> Render(string eventName, string about, IEnumerable<VersionedTemplate> templates, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(about);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(facts);
        var messages = new List<TemplateMessage>();
        foreach (var t in templates.Where(t => TemplateSelection.Applies(t.Template, eventName, facts)).OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            var rendered = TemplateRenderer.Render(t.Template, facts);
            if (rendered.Skipped)
            {
                continue;
            }

            messages.AddRange(rendered.Recipients.Select(to => new TemplateMessage(
                Key(eventName, about, t, to),
                rendered.Channel,
                to,
                rendered.Subject,
                rendered.Text,
                rendered.Html,
                t.Id,
                t.Version,
                t.Template.From?.Address)));
        }

        return messages;
    }

    /// <summary>The never-twice key of a message: the event, what it is about, the template's id and version, the recipient.</summary>
    public static string Key(string eventName, string about, VersionedTemplate template, string recipient)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(recipient);
        return string.Create(CultureInfo.InvariantCulture, $"{eventName}:{about}:{template.Id}:v{template.Version}:{recipient.ToLowerInvariant()}");
    }
}
