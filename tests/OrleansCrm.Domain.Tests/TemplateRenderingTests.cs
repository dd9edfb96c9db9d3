using OrleansCrm.Domain.Messaging.Sms;
using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Domain.Tests;

public sealed class TemplateRenderingTests
{
    public static TheoryData<string> Triggers() => [.. TriggerCatalog.All.Select(t => t.Event)];

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Every_variable_of_every_trigger_renders_with_its_value(string trigger)
    {
        var definition = TriggerCatalog.Find(trigger)!;
        var body = string.Join("\n", definition.Variables.Select(v => $"{v.Name}=[{{${v.Name}}}]"));
        var template = (TemplateSamples.Email(trigger, body) with { HtmlBody = "<p>" + body.Replace("\n", "<br>", StringComparison.Ordinal) + "</p>" }).Validated();
        var facts = SampleData.For(definition);

        var message = TemplateRenderer.Render(template, facts);

        Assert.Null(message.SkippedReason);
        Assert.Empty(message.MissingVariables);
        Assert.DoesNotContain("{$", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{$", message.Html!, StringComparison.Ordinal);
        Assert.DoesNotContain("{$", message.Subject!, StringComparison.Ordinal);
        foreach (var variable in definition.Variables)
        {
            Assert.Contains($"{variable.Name}=[", message.Text, StringComparison.Ordinal);
            Assert.DoesNotContain($"{variable.Name}=[]", message.Text, StringComparison.Ordinal);
            if (variable.Kind == VariableKinds.Text)
            {
                Assert.Contains($"{variable.Name}=[{variable.Sample}]", message.Text, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Every_variable_of_every_trigger_without_a_value_follows_the_rule_and_leaves_no_placeholder(string trigger)
    {
        var definition = TriggerCatalog.Find(trigger)!;
        var body = string.Join(" ", definition.Variables.Select(v => $"{{${v.Name}}}"));
        var empty = new MessageFacts(new Dictionary<string, string?>(), new Dictionary<string, DateTimeOffset>(), null);

        var byDefault = TemplateRenderer.Render((TemplateSamples.Email(trigger, body) with { Recipients = ["sales@example.com"], MissingValue = new MissingValueRule("default", "-") }).Validated(), empty);
        var skipped = TemplateRenderer.Render((TemplateSamples.Email(trigger, body) with { Recipients = ["sales@example.com"] }).Validated(), empty);

        Assert.Equal(string.Join(" ", definition.Variables.Select(_ => "-")), byDefault.Text);
        Assert.Null(byDefault.SkippedReason);
        Assert.NotNull(skipped.SkippedReason);
        Assert.DoesNotContain("{$", skipped.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_customer_without_a_manager_gets_the_default_text()
    {
        var template = (TemplateSamples.Email(body: "Your manager: {$manager.name}.") with { MissingValue = new MissingValueRule("default", "our team") }).Validated();

        var message = TemplateRenderer.Render(template, TemplateSamples.Facts(("customer.name", "Anna"), ("customer.email", "a@example.com"), ("order.number", "7")));

        Assert.Equal("Your manager: our team.", message.Text);
        Assert.Equal(["manager.name"], message.MissingVariables);
        Assert.False(message.Skipped);
    }

    [Fact]
    public void Under_the_skip_rule_a_missing_value_skips_the_message_with_the_reason()
    {
        var template = TemplateSamples.Email(body: "Your manager: {$manager.name}.").Validated();

        var message = TemplateRenderer.Render(template, TemplateSamples.Facts(("customer.name", "Anna"), ("customer.email", "a@example.com"), ("order.number", "7")));

        Assert.True(message.Skipped);
        Assert.Contains("{$manager.name}", message.SkippedReason, StringComparison.Ordinal);
        Assert.Equal("Your manager: .", message.Text);
    }

    [Fact]
    public void Recipients_resolve_from_fields_and_a_message_without_any_is_skipped()
    {
        var template = (TemplateSamples.Email() with { Recipients = ["customer.email", "manager.email", "sales@example.com"] }).Validated();

        var sent = TemplateRenderer.Render(template, TemplateSamples.Facts(("customer.name", "Anna"), ("order.number", "7"), ("customer.email", "anna@example.com")));
        var none = TemplateRenderer.Render(TemplateSamples.Email().Validated(), TemplateSamples.Facts(("customer.name", "Anna"), ("order.number", "7")));

        Assert.Equal(["anna@example.com", "sales@example.com"], sent.Recipients);
        Assert.False(sent.Skipped);
        Assert.True(none.Skipped);
        Assert.Contains("no recipient", none.SkippedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_booking_start_is_written_in_the_customers_zone_by_its_named_format()
    {
        var template = TemplateSamples.Sms(body: "{$booking.start} | {$booking.start:date} | {$booking.start:time} | {$booking.start:long}").Validated();
        var start = new DateTimeOffset(2026, 3, 10, 14, 30, 0, TimeSpan.Zero);
        var facts = new MessageFacts(new Dictionary<string, string?> { ["customer.phone"] = "+4930123456" }, new Dictionary<string, DateTimeOffset> { ["booking.start"] = start }, "America/New_York");

        var message = TemplateRenderer.Render(template, facts);

        Assert.Equal("2026-03-10 10:30 | 2026-03-10 | 10:30 | Tuesday, 10 March 2026, 10:30", message.Text);
    }

    [Fact]
    public void Values_are_escaped_in_the_html_body_and_cannot_smuggle_a_placeholder()
    {
        var template = (TemplateSamples.Email(body: "Hi {$name}") with { HtmlBody = "<p>Hi {$name}</p>" }).Validated();

        var message = TemplateRenderer.Render(template, TemplateSamples.Facts(("customer.name", "<script>x</script> {$order.total}"), ("customer.email", "a@example.com"), ("order.number", "7")));

        Assert.Equal("<p>Hi &lt;script&gt;x&lt;/script&gt; { $order.total}</p>", message.Html);
        Assert.DoesNotContain("{$", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plain_text_part_is_made_from_the_html_when_no_text_body_is_given()
    {
        var html = "<html><head><title>T</title></head><body><h1>Hello {$name}</h1><p>Your order &amp; more:</p><ul><li>one</li><li>two</li></ul><p><a href=\"{$extension.link}\">Extend</a><br>Bye<img src=\"https://x.example/l.png\" alt=\"Logo\"></p></body></html>";
        var template = (TemplateSamples.Email() with { Body = null, HtmlBody = html }).Validated();

        var message = TemplateRenderer.Render(template, TemplateSamples.Facts(("customer.name", "Anna"), ("customer.email", "a@example.com"), ("order.number", "7"), ("extension.link", "https://crm.example.com/x")));

        Assert.Equal("Hello Anna\n\nYour order & more:\n\n- one\n- two\n\nExtend (https://crm.example.com/x)\nByeLogo", message.Text);
    }

    [Fact]
    public void An_sms_rendered_with_a_curly_quote_is_UCS2_and_names_it()
    {
        var template = TemplateSamples.Sms(body: "Hi {$name}, it’s {$agent.name}").Validated();
        var message = TemplateRenderer.Render(template, SampleData.For(TriggerCatalog.Find(TriggerEvents.BookingMade)!));

        var count = SmsSegments.Count(message.Text);

        Assert.Equal(SmsEncoding.Ucs2, count.Encoding);
        Assert.Equal("’", count.ForcedUcs2By);
    }
}
