using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Domain.Tests;

public sealed class MessageTemplateValidationTests
{
    [Fact]
    public void A_valid_template_gets_its_defaults_enabled_skip_rule_and_no_constraints()
    {
        var template = TemplateSamples.Email().Validated();

        Assert.True(template.Enabled);
        Assert.Equal(MissingValueKinds.Skip, template.MissingValue!.Kind);
        Assert.Empty(template.Constraints!);
        Assert.Empty(template.Attachments!);
    }

    [Fact]
    public void A_booking_reminder_falls_due_by_default_at_13_00_the_day_before()
    {
        var template = TemplateSamples.Sms(TriggerEvents.BookingReminder).Validated();

        Assert.Equal(1, template.Trigger!.ReminderDaysBefore);
        Assert.Equal("13:00", template.Trigger.ReminderAt);
    }

    [Fact]
    public void A_variable_the_trigger_does_not_offer_is_refused_naming_it_and_where_it_stands()
    {
        var refusal = Refusals.Of(() => TemplateSamples.Email(TriggerEvents.OrderPlaced, "Hello {$name},\nsee you {$booking.start}").Validated());

        var message = Assert.Single(refusal.Errors["body"]);
        Assert.Contains("{$booking.start}", message, StringComparison.Ordinal);
        Assert.Contains("line 2, column 9", message, StringComparison.Ordinal);
        Assert.Contains("order.placed", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_variable_in_the_subject_is_refused_under_subject()
    {
        Refusals.OnlyFor("subject", () => (TemplateSamples.Email() with { Subject = "About {$order.totl}" }).Validated());
    }

    [Fact]
    public void Extension_link_is_offered_on_order_placed_but_not_on_booking_made()
    {
        TemplateSamples.Email(TriggerEvents.OrderPlaced, "Extend: {$extension.link}").Validated();
        Refusals.OnlyFor("body", () => TemplateSamples.Email(TriggerEvents.BookingMade, "Extend: {$extension.link}").Validated());
    }

    [Fact]
    public void A_format_on_a_text_variable_or_an_unknown_format_is_refused()
    {
        Refusals.OnlyFor("body", () => TemplateSamples.Sms(body: "{$customer.name:long}").Validated());
        Refusals.OnlyFor("body", () => TemplateSamples.Sms(body: "{$booking.start:weekly}").Validated());
    }

    [Fact]
    public void A_trigger_that_does_not_exist_is_refused()
    {
        var refusal = Refusals.Of(() => TemplateSamples.Email("order.shipped").Validated());

        Assert.Contains("order.shipped", Assert.Single(refusal.Errors["trigger.event"]), StringComparison.Ordinal);
    }

    [Fact]
    public void An_outcome_trigger_names_a_code_or_a_type_and_only_it_does()
    {
        Refusals.OnlyFor("trigger", () => (TemplateSamples.Sms(TriggerEvents.Outcome, "Hi") with { Trigger = new TemplateTrigger("outcome") }).Validated());
        Refusals.OnlyFor("trigger.outcomeType", () => (TemplateSamples.Sms(TriggerEvents.Outcome, "Hi") with { Trigger = new TemplateTrigger("outcome", OutcomeType: "X") }).Validated());
        Refusals.OnlyFor("trigger", () => (TemplateSamples.Sms(TriggerEvents.BookingMade, "Hi") with { Trigger = new TemplateTrigger("booking.made", OutcomeCode: "no-answer") }).Validated());
        (TemplateSamples.Sms(TriggerEvents.Outcome, "Hi") with { Trigger = new TemplateTrigger("outcome", OutcomeCode: "no-answer") }).Validated();
    }

    [Fact]
    public void Only_a_booking_reminder_takes_a_reminder_offset_and_it_must_be_a_time_of_day()
    {
        Refusals.OnlyFor("trigger", () => (TemplateSamples.Sms() with { Trigger = new TemplateTrigger("booking.made", ReminderAt: "13:00") }).Validated());
        Refusals.OnlyFor("trigger.reminderAt", () => (TemplateSamples.Sms() with { Trigger = new TemplateTrigger("booking.reminder", ReminderAt: "1pm") }).Validated());
        Refusals.OnlyFor("trigger.reminderDaysBefore", () => (TemplateSamples.Sms() with { Trigger = new TemplateTrigger("booking.reminder", ReminderDaysBefore: 31) }).Validated());
    }

    [Fact]
    public void A_constraint_on_a_field_the_trigger_does_not_have_is_refused()
    {
        var refusal = Refusals.Of(() => (TemplateSamples.Email() with { Constraints = [new TemplateConstraint("booking.weekday", ["Monday"])] }).Validated());
        Assert.Contains("booking.weekday", Assert.Single(refusal.Errors["constraints[0].field"]), StringComparison.Ordinal);
        Refusals.OnlyFor("constraints[0].field", () => (TemplateSamples.Email() with { Constraints = [new TemplateConstraint("customer.shoeSize", ["42"])] }).Validated());
    }

    [Fact]
    public void A_constraint_value_must_fit_its_field()
    {
        Refusals.OnlyFor("constraints[0].anyOf[0]", () => (TemplateSamples.Sms() with { Constraints = [new TemplateConstraint("booking.weekday", ["Someday"])] }).Validated());
        Refusals.OnlyFor("constraints[0].anyOf[0]", () => (TemplateSamples.Sms() with { Constraints = [new TemplateConstraint("customer.hasEmail", ["yes"])] }).Validated());
        Refusals.OnlyFor("constraints[0]", () => (TemplateSamples.Sms() with { Constraints = [new TemplateConstraint("customer.country", Min: 1)] }).Validated());
        Refusals.OnlyFor("constraints[0]", () => (TemplateSamples.Sms() with { Constraints = [new TemplateConstraint("booking.duration")] }).Validated());
        (TemplateSamples.Sms() with { Constraints = [new TemplateConstraint("booking.duration", Min: 30, Max: 60)] }).Validated();
    }

    [Theory]
    [InlineData("<p>Hello <b>there</p></b>", "still open")]
    [InlineData("<p>Hello", "never closes")]
    [InlineData("<p>Hello</p></div>", "never opened")]
    [InlineData("<p title=\"x>Hello</p>", "never closed")]
    [InlineData("<p>Hello <br></br></p>", "no closing tag")]
    public void Malformed_html_is_refused_with_where_it_stands(string html, string problem)
    {
        var refusal = Refusals.Of(() => (TemplateSamples.Email() with { HtmlBody = html }).Validated());

        Assert.Contains(refusal.Errors["htmlBody"], m => m.Contains(problem, StringComparison.Ordinal) && m.Contains("line 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<p>Hi<script>alert(1)</script></p>", "<script>")]
    [InlineData("<p onclick=\"steal()\">Hi</p>", "event handler 'onclick'")]
    [InlineData("<img src=\"https://x.example/a.png\" onerror=\"steal()\">", "event handler 'onerror'")]
    [InlineData("<a href=\"javascript:steal()\">Hi</a>", "href=")]
    [InlineData("<a href=\" JaVaScRiPt:steal()\">Hi</a>", "href=")]
    [InlineData("<img src=\"data:image/png;base64,AAAA\">", "src=")]
    [InlineData("<iframe src=\"https://x.example\"></iframe>", "<iframe>")]
    [InlineData("<style>p{}</style>", "<style>")]
    [InlineData("<p style=\"background:url(javascript:x)\">Hi</p>", "style")]
    [InlineData("<p formaction=\"x\">Hi</p>", "'formaction'")]
    public void Scripts_event_handlers_and_script_links_are_refused_not_silently_removed(string html, string named)
    {
        var refusal = Refusals.Of(() => (TemplateSamples.Email() with { HtmlBody = html }).Validated());

        Assert.Contains(refusal.Errors["htmlBody"], m => m.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void Well_formed_email_html_with_links_images_tables_and_variables_is_taken()
    {
        var html = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>Order</title></head>
            <body><!-- greeting --><p style="color:#333">Hello {$name},</p>
            <table border=0><tr><td>Order</td><td>{$order.number}</td></tr></table>
            <img src="https://cdn.example.com/logo.png" alt="Logo"/><br>
            <a href="{$extension.link}">Extend your trial</a></body></html>
            """;

        var template = (TemplateSamples.Email() with { Body = null, HtmlBody = html }).Validated();

        Assert.Equal(html, template.HtmlBody);
    }

    [Fact]
    public void Html_body_is_for_email_only_and_an_sms_has_no_subject()
    {
        Refusals.OnlyFor("htmlBody", () => (TemplateSamples.Sms() with { HtmlBody = "<p>Hi</p>" }).Validated());
        Refusals.OnlyFor("subject", () => (TemplateSamples.Sms() with { Subject = "Hi" }).Validated());
    }

    [Fact]
    public void An_sms_body_over_ten_segments_is_refused()
    {
        Refusals.OnlyFor("body", () => TemplateSamples.Sms(body: new string('a', 1531)).Validated());
        TemplateSamples.Sms(body: new string('a', 1530)).Validated();
        // A curly quote makes it UCS-2: 10 segments of 67 then hold only 670 units.
        Refusals.OnlyFor("body", () => TemplateSamples.Sms(body: "’" + new string('a', 670)).Validated());
    }

    [Theory]
    [InlineData("0301234567")]
    [InlineData("+49 30 1234567")]
    [InlineData("+0301234567")]
    public void A_fixed_sms_recipient_must_be_E164(string phone)
    {
        Refusals.OnlyFor("recipients[1]", () => (TemplateSamples.Sms() with { Recipients = ["customer.phone", phone] }).Validated());
    }

    [Fact]
    public void An_sms_sender_is_an_E164_number_or_a_sender_id_of_at_most_11_characters()
    {
        (TemplateSamples.Sms() with { From = new TemplateSender("+4930123456", null) }).Validated();
        Refusals.OnlyFor("from.address", () => (TemplateSamples.Sms() with { From = new TemplateSender("+49 30 123", null) }).Validated());
        Refusals.OnlyFor("from.address", () => (TemplateSamples.Sms() with { From = new TemplateSender("TheVeryBigShop", null) }).Validated());
    }

    [Fact]
    public void A_recipient_field_must_suit_the_channel()
    {
        Refusals.OnlyFor("recipients[0]", () => (TemplateSamples.Sms() with { Recipients = ["customer.email"] }).Validated());
        Refusals.OnlyFor("recipients[0]", () => (TemplateSamples.Email() with { Recipients = ["customer.phone"] }).Validated());
        Refusals.OnlyFor("recipients[0]", () => (TemplateSamples.Email() with { Recipients = ["customer.fax"] }).Validated());
        (TemplateSamples.Email() with { Recipients = ["customer.email", "agent.email", "manager.email", "sales@example.com"] }).Validated();
    }

    [Fact]
    public void Attachments_over_the_cap_are_refused_and_sms_has_none()
    {
        var big = new TemplateAttachment("terms.pdf", "application/pdf", new byte[MessageTemplate.MaxAttachmentBytes + 1]);
        var fits = new TemplateAttachment("terms.pdf", "application/pdf", new byte[MessageTemplate.MaxAttachmentBytes]);

        Refusals.OnlyFor("attachments", () => (TemplateSamples.Email() with { Attachments = [big] }).Validated());
        (TemplateSamples.Email() with { Attachments = [fits] }).Validated();
        Refusals.OnlyFor("attachments", () => (TemplateSamples.Sms() with { Attachments = [fits] }).Validated());
        Refusals.OnlyFor("attachments[0].fileName", () => (TemplateSamples.Email() with { Attachments = [fits with { FileName = "../etc/passwd" }] }).Validated());
    }

    [Fact]
    public void Images_are_https_links_on_email_only()
    {
        (TemplateSamples.Email() with { Images = ["https://cdn.example.com/logo.png"] }).Validated();
        Refusals.OnlyFor("images[0]", () => (TemplateSamples.Email() with { Images = ["http://cdn.example.com/logo.png"] }).Validated());
        Refusals.OnlyFor("images", () => (TemplateSamples.Sms() with { Images = ["https://cdn.example.com/logo.png"] }).Validated());
    }

    [Fact]
    public void The_missing_value_rule_is_default_with_a_text_or_skip()
    {
        (TemplateSamples.Email() with { MissingValue = new MissingValueRule("default", "friend") }).Validated();
        Refusals.OnlyFor("missingValue.kind", () => (TemplateSamples.Email() with { MissingValue = new MissingValueRule("blank") }).Validated());
        Refusals.OnlyFor("missingValue.defaultText", () => (TemplateSamples.Email() with { MissingValue = new MissingValueRule("skip", "friend") }).Validated());
        Refusals.OnlyFor("missingValue.defaultText", () => (TemplateSamples.Email() with { MissingValue = new MissingValueRule("default", "{$name}") }).Validated());
    }

    [Fact]
    public void Every_problem_is_named_at_once()
    {
        var fields = Refusals.FieldsOf(() => new MessageTemplate("fax", null, null, null, null, null, null, null, new TemplateTrigger("nope"), null, null, null).Validated());

        Assert.Contains("channel", fields);
        Assert.Contains("trigger.event", fields);
        Assert.Contains("body", fields);
    }
}
