using System.Globalization;
using System.Text.RegularExpressions;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// An email or SMS a campaign sends on an event: who it comes from, to whom (fixed addresses or numbers, and
/// fields such as <c>customer.email</c>), its subject and body with variables, an HTML body for email, image links
/// and attachments (email only), its trigger, constraints, the rule for a variable without a value, and whether it
/// is enabled. Its version is kept by its store and grows on every save.
/// </summary>
public sealed partial record MessageTemplate(
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
    /// <summary>All of an email template's attachments together, in bytes.</summary>
    public const int MaxAttachmentBytes = 512 * 1024;

    /// <summary>The most segments an SMS template may cost (rendered with the sample data).</summary>
    public const int MaxSmsSegments = 10;

    public const int MaxBodyLength = 20_000;
    public const int MaxHtmlLength = 200_000;
    public const int MaxRecipients = 20;
    public const int MaxImages = 20;
    public const int MaxAttachments = 10;
    public const int MaxConstraints = 20;

    public bool IsEmail => Channel == MessageChannels.Email;

    public MessageTrigger TriggerDefinition => TriggerCatalog.Find(Trigger?.Event) ?? throw new InvalidOperationException("The template was not validated.");

    /// <summary>
    /// The template checked field by field (every problem at once, each under its JSON path), with its defaults
    /// filled in: enabled, the Skip rule for a missing value, a booking reminder's 13:00 the day before.
    /// </summary>
    public MessageTemplate Validated()
    {
        var v = new Validator();
        var channelKnown = Channel is MessageChannels.Email or MessageChannels.Sms;
        if (v.Required("channel", Channel) && !channelKnown)
        {
            v.Add("channel", "must be 'email' or 'sms'.");
        }

        var trigger = ValidateTrigger(v);
        if (channelKnown)
        {
            ValidateFrom(v);
            ValidateRecipients(v);
        }

        ValidateTexts(v, trigger, channelKnown);
        ValidateImagesAndAttachments(v);
        ValidateConstraints(v, trigger);
        ValidateMissingValue(v);
        v.ThrowIfInvalid();

        var reminder = Trigger!.Event == TriggerEvents.BookingReminder
            ? Trigger with
            {
                ReminderDaysBefore = Trigger.ReminderDaysBefore ?? TemplateTrigger.DefaultReminderDaysBefore,
                ReminderAt = Trigger.ReminderAt ?? TemplateTrigger.DefaultReminderAt,
            }
            : Trigger;
        return this with
        {
            Trigger = reminder,
            Recipients = [.. Recipients!.Select(r => r.Trim())],
            Images = Images ?? [],
            Attachments = Attachments ?? [],
            Constraints = Constraints ?? [],
            MissingValue = MissingValue ?? MissingValueRule.Skip,
            Enabled = Enabled ?? true,
        };
    }

    private MessageTrigger? ValidateTrigger(Validator v)
    {
        if (!v.Required("trigger", Trigger) || !v.Required("trigger.event", Trigger!.Event))
        {
            return null;
        }

        var trigger = TriggerCatalog.Find(Trigger.Event);
        if (trigger is null)
        {
            v.Add("trigger.event", $"'{Shorten(Trigger.Event!)}' is not a trigger; the triggers are {string.Join(", ", TriggerCatalog.All.Select(t => t.Event))}.");
            return null;
        }

        if (trigger.Event == TriggerEvents.Outcome)
        {
            if ((Trigger.OutcomeCode is null) == (Trigger.OutcomeType is null))
            {
                v.Add("trigger", "an outcome trigger names either outcomeCode or outcomeType.");
            }

            v.Id("trigger.outcomeCode", Trigger.OutcomeCode, required: false);
            if (Trigger.OutcomeType is not null and not ("R" or "N" or "C" or "T"))
            {
                v.Add("trigger.outcomeType", "must be R, N, C or T.");
            }
        }
        else if (Trigger.OutcomeCode is not null || Trigger.OutcomeType is not null)
        {
            v.Add("trigger", $"only the outcome trigger takes outcomeCode or outcomeType, not '{trigger.Event}'.");
        }

        if (trigger.Event == TriggerEvents.BookingReminder)
        {
            if (Trigger.ReminderDaysBefore is { } days)
            {
                v.Range("trigger.reminderDaysBefore", days, 0, 30);
            }

            if (Trigger.ReminderAt is { } at && (at.Length != 5 || !TimeOnly.TryParseExact(at, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            {
                v.Add("trigger.reminderAt", "must be a time of day as HH:mm (e.g. 13:00).");
            }
        }
        else if (Trigger.ReminderDaysBefore is not null || Trigger.ReminderAt is not null)
        {
            v.Add("trigger", $"only the booking.reminder trigger takes reminderDaysBefore or reminderAt, not '{trigger.Event}'.");
        }

        return trigger;
    }

    private void ValidateFrom(Validator v)
    {
        if (!v.Required("from", From))
        {
            return;
        }

        if (IsEmail)
        {
            v.Email("from.address", From!.Address, required: true);
            v.Text("from.name", From.Name, Validator.NameMaxLength);
            return;
        }

        if (!v.Required("from.address", From!.Address))
        {
            return;
        }

        if (From.Address!.StartsWith('+'))
        {
            v.Phone("from.address", From.Address);
        }
        else if (!SenderIdPattern().IsMatch(From.Address))
        {
            v.Add("from.address", "an SMS sender is an E.164 number or a sender id of 1 to 11 letters, digits or spaces with at least one letter.");
        }

        if (From.Name is not null)
        {
            v.Add("from.name", "an SMS has no sender name; put the sender id in from.address.");
        }
    }

    private void ValidateRecipients(Validator v)
    {
        if (!v.Required("recipients", Recipients))
        {
            return;
        }

        if (Recipients!.Count == 0)
        {
            v.Add("recipients", "needs at least one recipient.");
        }

        if (Recipients.Count > MaxRecipients)
        {
            v.Add("recipients", $"may hold at most {MaxRecipients} recipients.");
            return;
        }

        for (var i = 0; i < Recipients.Count; i++)
        {
            var field = $"recipients[{i}]";
            var recipient = Recipients[i]?.Trim();
            if (!v.Required(field, recipient))
            {
                continue;
            }

            if (TriggerCatalog.RecipientFields.TryGetValue(recipient!, out var channel))
            {
                if (channel != Channel)
                {
                    v.Add(field, $"'{recipient}' is an {(channel == MessageChannels.Email ? "email address" : "phone number")}; an {Channel} template sends to {(IsEmail ? "email addresses" : "phone numbers")}.");
                }
            }
            else if (IsEmail)
            {
                if (!recipient!.Contains('@', StringComparison.Ordinal))
                {
                    v.Add(field, $"must be an email address or one of the fields {string.Join(", ", EmailFields)}.");
                }
                else
                {
                    v.Email(field, recipient);
                }
            }
            else if (!recipient!.StartsWith('+'))
            {
                v.Add(field, "must be an E.164 number (e.g. +390612345678) or the field customer.phone.");
            }
            else
            {
                v.Phone(field, recipient);
            }
        }

        v.Unique("recipients", Recipients, r => r?.Trim());
    }

    private static IEnumerable<string> EmailFields => TriggerCatalog.RecipientFields.Where(f => f.Value == MessageChannels.Email).Select(f => f.Key);

    private void ValidateTexts(Validator v, MessageTrigger? trigger, bool channelKnown)
    {
        if (IsEmail)
        {
            if (v.Text("subject", Subject, Validator.ShortTextMaxLength, required: true))
            {
                CheckVariables(v, "subject", Subject!, trigger);
            }
        }
        else if (channelKnown && Subject is not null)
        {
            v.Add("subject", "an SMS has no subject.");
        }

        // An email with an HTML body may leave the text body out: its plain-text part is made from the HTML.
        if (v.Text("body", Body, MaxBodyLength, required: !(IsEmail && HtmlBody is not null)) && Body is not null)
        {
            CheckVariables(v, "body", Body!, trigger);
        }

        if (HtmlBody is not null)
        {
            if (channelKnown && !IsEmail)
            {
                v.Add("htmlBody", "an SMS has no HTML body.");
            }
            else if (v.Text("htmlBody", HtmlBody, MaxHtmlLength, required: true))
            {
                foreach (var problem in Templates.HtmlBody.Problems(HtmlBody))
                {
                    v.Add("htmlBody", problem);
                }

                CheckVariables(v, "htmlBody", HtmlBody, trigger);
            }
        }

        if (channelKnown && !IsEmail && trigger is not null && v.IsValid)
        {
            var sample = TemplateRenderer.RenderText(Body!, SampleData.For(trigger), MissingValue ?? MissingValueRule.Skip, html: false).Text;
            var count = SmsSegments.Count(sample);
            if (count.Segments > MaxSmsSegments)
            {
                v.Add("body", $"costs {count.Segments} SMS segments ({count.Encoding}, {count.Units} units with the sample data); at most {MaxSmsSegments} are allowed.");
            }
        }
    }

    private static void CheckVariables(Validator v, string field, string text, MessageTrigger? trigger)
    {
        var parsed = TemplateText.Parse(text);
        foreach (var problem in parsed.Problems)
        {
            v.Add(field, problem.Message);
        }

        if (trigger is null)
        {
            return;
        }

        foreach (var part in parsed.Variables)
        {
            var variable = trigger.Variable(part.Variable!);
            if (variable is null)
            {
                v.Add(field, $"uses {{${part.Variable}}} at {part.Position}, a variable the trigger '{trigger.Event}' does not offer.");
            }
            else if (part.Format is not null && variable.Kind != VariableKinds.Instant)
            {
                v.Add(field, $"gives {{${part.Variable}}} at {part.Position} a format, but only instants take one.");
            }
            else if (part.Format is not null && !TriggerCatalog.InstantFormats.ContainsKey(part.Format))
            {
                v.Add(field, $"gives {{${part.Variable}}} at {part.Position} the format '{part.Format}'; the formats are {string.Join(", ", TriggerCatalog.InstantFormats.Keys)}.");
            }
        }
    }

    private void ValidateImagesAndAttachments(Validator v)
    {
        if (Images is { Count: > 0 })
        {
            if (!IsEmail)
            {
                v.Add("images", "only an email template has images.");
            }
            else if (Images.Count > MaxImages)
            {
                v.Add("images", $"may hold at most {MaxImages} images.");
            }
            else
            {
                for (var i = 0; i < Images.Count; i++)
                {
                    if (v.Text($"images[{i}]", Images[i], 2000, required: true)
                        && !(Uri.TryCreate(Images[i], UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
                    {
                        v.Add($"images[{i}]", "must be an https:// address (images are sent as links).");
                    }
                }
            }
        }

        if (Attachments is not { Count: > 0 })
        {
            return;
        }

        if (!IsEmail)
        {
            v.Add("attachments", "only an email template has attachments.");
            return;
        }

        if (Attachments.Count > MaxAttachments)
        {
            v.Add("attachments", $"may hold at most {MaxAttachments} files.");
            return;
        }

        long total = 0;
        for (var i = 0; i < Attachments.Count; i++)
        {
            var attachment = Attachments[i];
            var field = $"attachments[{i}]";
            if (!v.Required(field, attachment))
            {
                continue;
            }

            if (v.Text($"{field}.fileName", attachment!.FileName, Validator.NameMaxLength, required: true)
                && attachment.FileName!.IndexOfAny(['/', '\\']) >= 0)
            {
                v.Add($"{field}.fileName", "is a file name, not a path.");
            }

            if (v.Text($"{field}.contentType", attachment.ContentType, 100, required: true) && !ContentTypePattern().IsMatch(attachment.ContentType!))
            {
                v.Add($"{field}.contentType", "must be a media type such as application/pdf.");
            }

            if (attachment.Content is not { Length: > 0 })
            {
                v.Add($"{field}.content", "is required (the file's bytes, base64 in JSON).");
            }
            else
            {
                total += attachment.Content.Length;
            }
        }

        if (total > MaxAttachmentBytes)
        {
            v.Add("attachments", $"hold {total} bytes; a template's attachments may hold at most {MaxAttachmentBytes} bytes together.");
        }
    }

    private void ValidateConstraints(Validator v, MessageTrigger? trigger)
    {
        if (Constraints is null)
        {
            return;
        }

        if (Constraints.Count > MaxConstraints)
        {
            v.Add("constraints", $"may hold at most {MaxConstraints} constraints.");
            return;
        }

        for (var i = 0; i < Constraints.Count; i++)
        {
            var constraint = Constraints[i];
            var field = $"constraints[{i}]";
            if (!v.Required(field, constraint) || !v.Required($"{field}.field", constraint!.Field) || trigger is null)
            {
                continue;
            }

            var known = trigger.ConstraintField(constraint.Field!);
            if (known is null)
            {
                v.Add($"{field}.field", $"'{Shorten(constraint.Field!)}' is not a field the trigger '{trigger.Event}' can be constrained on; it offers {string.Join(", ", trigger.ConstraintFields.Select(f => f.Name))}.");
                continue;
            }

            ConstraintMatcher.Validate(v, field, known, constraint);
        }
    }

    private void ValidateMissingValue(Validator v)
    {
        if (MissingValue is null)
        {
            return;
        }

        if (v.Required("missingValue.kind", MissingValue.Kind) && MissingValue.Kind is not (MissingValueKinds.Default or MissingValueKinds.Skip))
        {
            v.Add("missingValue.kind", "must be 'default' (write defaultText) or 'skip' (the message is Skipped with the reason).");
        }

        if (MissingValue.Kind == MissingValueKinds.Skip && MissingValue.DefaultText is not null)
        {
            v.Add("missingValue.defaultText", "only the 'default' rule has a default text.");
        }

        v.Text("missingValue.defaultText", MissingValue.DefaultText, Validator.ShortTextMaxLength);
        if (MissingValue.DefaultText is { } text && text.Contains("{$", StringComparison.Ordinal))
        {
            v.Add("missingValue.defaultText", "may not hold a variable.");
        }
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}\z")]
    private static partial Regex SenderIdPattern();

    [GeneratedRegex(@"^[a-z]+/[a-z0-9.+\-]+\z", RegexOptions.IgnoreCase)]
    private static partial Regex ContentTypePattern();
}
