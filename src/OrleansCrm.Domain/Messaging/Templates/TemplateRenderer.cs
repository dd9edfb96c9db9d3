using System.Globalization;
using System.Net;
using System.Text;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// Makes a (validated) template into a message for one event. Every variable is replaced: by its value (instants
/// in the customer's zone and the named format; HTML-escaped in the HTML body), or, when it has none, by the
/// template's rule — the default text, or an empty text with the message marked Skipped and the reason. The
/// plain-text part of an HTML email is made from its rendered HTML unless the template gives a text body of its own.
/// </summary>
public static class TemplateRenderer
{
    public static RenderedMessage Render(MessageTemplate template, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(facts);
        var rule = template.MissingValue ?? MissingValueRule.Skip;
        var missing = new List<string>();
        string? subject = null;
        if (template.IsEmail)
        {
            var s = RenderText(template.Subject!, facts, rule, html: false);
            subject = s.Text.ReplaceLineEndings(" ");
            missing.AddRange(s.Missing);
        }

        string? html = null;
        if (template.IsEmail && template.HtmlBody is not null)
        {
            var h = RenderText(template.HtmlBody, facts, rule, html: true);
            missing.AddRange(h.Missing);
            html = WithImages(h.Text, template.Images ?? []);
        }

        var body = template.Body is not null ? RenderText(template.Body, facts, rule, html: false) : new RenderedText(HtmlBody.ToPlainText(html!), []);
        missing.AddRange(body.Missing);
        if (html is null && template.IsEmail && template.Images is { Count: > 0 })
        {
            html = WithImages(WebUtility.HtmlEncode(body.Text).ReplaceLineEndings("<br>"), template.Images);
        }

        var recipients = new List<string>();
        foreach (var recipient in template.Recipients ?? [])
        {
            if (TriggerCatalog.RecipientFields.ContainsKey(recipient))
            {
                if (facts.Value(recipient) is { } resolved && !recipients.Contains(resolved, StringComparer.OrdinalIgnoreCase))
                {
                    recipients.Add(resolved);
                }
            }
            else if (!recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase))
            {
                recipients.Add(recipient);
            }
        }

        var distinctMissing = missing.Distinct(StringComparer.Ordinal).ToList();
        string? skipped = null;
        if (rule.Kind == MissingValueKinds.Skip && distinctMissing.Count > 0)
        {
            skipped = $"no value for {string.Join(", ", distinctMissing.Select(m => "{$" + m + "}"))}.";
        }
        else if (recipients.Count == 0)
        {
            skipped = $"no recipient: {string.Join(", ", template.Recipients ?? [])} had no value.";
        }

        return new RenderedMessage(template.Channel!, subject, body.Text, html, recipients, distinctMissing, skipped);
    }

    /// <summary>One text with its variables replaced; in HTML every value is escaped.</summary>
    public static RenderedText RenderText(string text, MessageFacts facts, MissingValueRule rule, bool html)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(rule);
        var parsed = TemplateText.Parse(text);
        var result = new StringBuilder(text.Length);
        var missing = new List<string>();
        foreach (var part in parsed.Parts)
        {
            if (!part.IsVariable)
            {
                result.Append(part.Text);
                continue;
            }

            var value = ValueOf(part, facts);
            if (value is null)
            {
                missing.Add(part.Variable!);
                value = rule.Kind == MissingValueKinds.Default ? rule.DefaultText ?? "" : "";
            }

            // A value is data, never a template: a "{$" in it is broken so no placeholder can appear in a message.
            value = value.Replace("{$", "{ $", StringComparison.Ordinal);
            result.Append(html ? WebUtility.HtmlEncode(value) : value);
        }

        return new RenderedText(result.ToString(), missing);
    }

    private static string? ValueOf(TemplatePart part, MessageFacts facts)
    {
        var name = part.Variable == "name" ? "customer.name" : part.Variable!;
        if (facts.Instant(name) is { } instant)
        {
            var format = TriggerCatalog.InstantFormats[part.Format ?? TriggerCatalog.DefaultInstantFormat];
            var local = facts.CustomerTimeZone is { } zone && TimeZones.TryFind(zone, out _) ? TimeZones.LocalTime(instant, zone) : instant.ToUniversalTime();
            return local.ToString(format, CultureInfo.InvariantCulture);
        }

        return facts.Value(name);
    }

    private static string WithImages(string html, IReadOnlyList<string> images)
    {
        if (images.Count == 0)
        {
            return html;
        }

        var result = new StringBuilder(html);
        foreach (var image in images)
        {
            result.Append(CultureInfo.InvariantCulture, $"<p><img src=\"{WebUtility.HtmlEncode(image)}\" alt=\"\"></p>");
        }

        return result.ToString();
    }
}
