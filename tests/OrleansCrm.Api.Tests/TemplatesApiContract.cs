using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>Message templates through the API; run on the in-memory profile and on PostgreSQL.</summary>
public abstract class TemplatesApiContract
{
    protected abstract HttpClient Admin();

    protected abstract HttpClient Agent();

    protected static object EmailTemplate(string body = "Hello {$customer.name}, your order {$order.number} totals {$order.total}.") => new
    {
        channel = "email",
        from = new { address = "shop@example.com", name = "The Shop" },
        recipients = new[] { "customer.email", "orders@example.com" },
        subject = "Your order {$order.number}",
        body,
        trigger = new { @event = "order.placed" },
        missingValue = new { kind = "default", defaultText = "-" },
    };

    protected static object SmsTemplate(string body) => new
    {
        channel = "sms",
        from = new { address = "Shop" },
        recipients = new[] { "customer.phone" },
        body,
        trigger = new { @event = "outcome", outcomeCode = "no-contact" },
        constraints = new[] { new { field = "call.attempt", anyOf = new[] { "2" } } },
    };

    private async Task<string> CampaignAsync()
    {
        var id = "tpl-" + TestValues.Letters(8).ToLowerInvariant();
        (await Admin().PutAsJsonAsync($"/api/v1/campaigns/{id}", Payloads.Campaign())).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task Putting_a_template_creates_it_then_every_save_is_one_version_more()
    {
        var campaign = await CampaignAsync();

        var created = await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation", EmailTemplate());
        var replaced = await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation", EmailTemplate("Thanks {$name}!"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/campaigns/{campaign}/templates/confirmation", created.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var stored = await Agent().GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}/templates/confirmation");
        Assert.Equal(2, stored.GetProperty("version").GetInt64());
        Assert.Equal("Thanks {$name}!", stored.GetProperty("template").GetProperty("body").GetString());
        Assert.True(stored.GetProperty("template").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task The_list_holds_every_template_of_the_campaign_by_id()
    {
        var campaign = await CampaignAsync();
        await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/b-sms", SmsTemplate("Hi {$name}, we tried to reach you."));
        await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/a-mail", EmailTemplate());

        var list = await Agent().GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}/templates");

        Assert.Equal(["a-mail", "b-sms"], list.EnumerateArray().Select(t => t.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_refused_save_names_the_variable_and_where_it_stands_and_leaves_the_previous_version()
    {
        var campaign = await CampaignAsync();
        await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation", EmailTemplate());

        var refused = await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation", EmailTemplate("Hello {$name},\nsee you on {$booking.start}."));

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.Errors!["body"]);
        Assert.Contains("{$booking.start}", message, StringComparison.Ordinal);
        Assert.Contains("line 2, column 12", message, StringComparison.Ordinal);
        var stored = await Admin().GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}/templates/confirmation");
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
        Assert.StartsWith("Hello {$customer.name}", stored.GetProperty("template").GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadTemplates() => new()
    {
        { """{"channel":"email","from":{"address":"shop@example.com"},"recipients":["customer.email"],"subject":"Hi","body":"Hi","trigger":{"event":"order.shipped"}}""", "trigger.event" },
        { """{"channel":"email","from":{"address":"shop@example.com"},"recipients":["customer.email"],"subject":"Hi","body":"Hi {$order.totl}","trigger":{"event":"order.placed"}}""", "body" },
        { """{"channel":"email","from":{"address":"shop@example.com"},"recipients":["customer.email"],"subject":"Hi","body":"Hi","trigger":{"event":"order.placed"},"constraints":[{"field":"booking.weekday","anyOf":["Monday"]}]}""", "constraints[0].field" },
        { """{"channel":"email","from":{"address":"shop@example.com"},"recipients":["customer.email"],"subject":"Hi","htmlBody":"<p>Hi <b>there</p>","trigger":{"event":"order.placed"}}""", "htmlBody" },
        { """{"channel":"email","from":{"address":"shop@example.com"},"recipients":["customer.email"],"subject":"Hi","htmlBody":"<p onclick=\"x()\">Hi</p><script>x()</script>","trigger":{"event":"order.placed"}}""", "htmlBody" },
        { """{"channel":"sms","from":{"address":"Shop"},"recipients":["+49 30 123456"],"body":"Hi","trigger":{"event":"booking.made"}}""", "recipients[0]" },
        { "{\"channel\":\"sms\",\"from\":{\"address\":\"Shop\"},\"recipients\":[\"customer.phone\"],\"body\":\"" + new string('a', 1531) + "\",\"trigger\":{\"event\":\"booking.made\"}}", "body" },
        { "{\"channel\":\"email\",\"from\":{\"address\":\"shop@example.com\"},\"recipients\":[\"customer.email\"],\"subject\":\"Hi\",\"body\":\"Hi\",\"trigger\":{\"event\":\"order.placed\"},\"attachments\":[{\"fileName\":\"big.pdf\",\"contentType\":\"application/pdf\",\"content\":\"" + Convert.ToBase64String(new byte[(512 * 1024) + 1]) + "\"}]}", "attachments" },
    };

    [Theory]
    [MemberData(nameof(BadTemplates))]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var campaign = await CampaignAsync();

        var refused = await Admin().PutAsync($"/api/v1/campaigns/{campaign}/templates/bad", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.Errors!.Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin().GetAsync($"/api/v1/campaigns/{campaign}/templates/bad")).StatusCode);
    }

    [Fact]
    public async Task An_attachment_within_the_cap_is_stored_with_its_bytes()
    {
        var campaign = await CampaignAsync();
        var json = "{\"channel\":\"email\",\"from\":{\"address\":\"shop@example.com\"},\"recipients\":[\"customer.email\"],\"subject\":\"Hi\",\"body\":\"Hi\",\"trigger\":{\"event\":\"order.placed\"},\"attachments\":[{\"fileName\":\"terms.pdf\",\"contentType\":\"application/pdf\",\"content\":\"" + Convert.ToBase64String(new byte[300 * 1024]) + "\"}]}";

        var created = await Admin().PutAsync($"/api/v1/campaigns/{campaign}/templates/terms", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = await Admin().GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}/templates/terms");
        Assert.Equal(300 * 1024, stored.GetProperty("template").GetProperty("attachments")[0].GetProperty("content").GetBytesFromBase64().Length);
    }

    [Fact]
    public async Task An_unknown_campaign_is_a_404_on_every_template_route()
    {
        var campaign = "no-such-campaign-" + TestValues.Letters(6).ToLowerInvariant();

        Assert.Equal(HttpStatusCode.NotFound, (await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/x", EmailTemplate())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin().GetAsync($"/api/v1/campaigns/{campaign}/templates/x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin().GetAsync($"/api/v1/campaigns/{campaign}/templates")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin().PostAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/x/preview", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin().DeleteAsync($"/api/v1/campaigns/{campaign}/templates/x")).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_writes_templates_while_any_role_reads_and_previews_them()
    {
        var campaign = await CampaignAsync();
        await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation", EmailTemplate());

        Assert.Equal(HttpStatusCode.Forbidden, (await Agent().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation", EmailTemplate())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Agent().DeleteAsync($"/api/v1/campaigns/{campaign}/templates/confirmation")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Agent().PostAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation/preview", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Agent().GetAsync("/api/v1/message-triggers")).StatusCode);
    }

    [Fact]
    public async Task A_deleted_template_is_gone_and_its_version_number_is_not_reused()
    {
        var campaign = await CampaignAsync();
        await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation", EmailTemplate());
        await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation", EmailTemplate());

        Assert.Equal(HttpStatusCode.NoContent, (await Admin().DeleteAsync($"/api/v1/campaigns/{campaign}/templates/confirmation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin().GetAsync($"/api/v1/campaigns/{campaign}/templates/confirmation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin().DeleteAsync($"/api/v1/campaigns/{campaign}/templates/confirmation")).StatusCode);
        var again = await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation", EmailTemplate());

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(3, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_card_number_typed_into_a_template_is_redacted_like_any_free_text()
    {
        var campaign = await CampaignAsync();

        var created = await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/card", EmailTemplate("Pay with 4111 1111 1111 1111 please"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await Admin().GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}/templates/card")).GetProperty("template").GetProperty("body").GetString();
        Assert.Equal("Pay with XXXX XXXX XXXX 1111 please", body);
    }

    [Fact]
    public async Task An_sms_preview_shows_the_encoding_the_segments_and_the_curly_quote_that_forced_UCS2()
    {
        var campaign = await CampaignAsync();
        await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/second-no-answer", SmsTemplate("Hi {$name}, it’s {$agent.name}: we tried to reach you."));
        await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/plain", SmsTemplate("Hi {$name}, it's {$agent.name}: we tried to reach you."));

        var curly = await (await Agent().PostAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/second-no-answer/preview", new { })).Content.ReadFromJsonAsync<JsonElement>();
        var plain = await (await Agent().PostAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/plain/preview", new { })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("sample", curly.GetProperty("source").GetString());
        Assert.Equal("Hi Anna Schmidt, it’s Lena Fischer: we tried to reach you.", curly.GetProperty("text").GetString());
        Assert.Equal(["+4930123456"], curly.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("UCS-2", curly.GetProperty("sms").GetProperty("encoding").GetString());
        Assert.Equal("’", curly.GetProperty("sms").GetProperty("forcedUcs2By").GetString());
        Assert.Equal(1, curly.GetProperty("sms").GetProperty("segments").GetInt32());
        Assert.Equal("GSM-7", plain.GetProperty("sms").GetProperty("encoding").GetString());
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("sms").GetProperty("forcedUcs2By").ValueKind);
    }

    [Fact]
    public async Task An_email_preview_renders_the_html_escaped_and_the_text_part_made_from_it()
    {
        var campaign = await CampaignAsync();
        await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/html", new
        {
            channel = "email",
            from = new { address = "shop@example.com", name = "The Shop" },
            recipients = new[] { "customer.email", "manager.email" },
            subject = "Order {$order.number} placed {$order.placedAt:date}",
            htmlBody = "<h1>Hello {$name}</h1><p>Total: <b>{$order.total}</b></p><p><a href=\"{$extension.link}\">Extend your trial</a></p>",
            trigger = new { @event = "order.placed" },
        });

        var preview = await (await Agent().PostAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/html/preview", new { })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Order 100042 placed 2026-03-02", preview.GetProperty("subject").GetString());
        Assert.Equal("<h1>Hello Anna Schmidt</h1><p>Total: <b>EUR 49.90</b></p><p><a href=\"https://crm.example.com/trial/ext-4f2a\">Extend your trial</a></p>", preview.GetProperty("html").GetString());
        Assert.Equal("Hello Anna Schmidt\n\nTotal: EUR 49.90\n\nExtend your trial (https://crm.example.com/trial/ext-4f2a)", preview.GetProperty("text").GetString());
        Assert.Equal(["anna.schmidt@example.com", "max.weber@example.com"], preview.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, preview.GetProperty("sms").ValueKind);
    }

    [Fact]
    public async Task A_preview_against_a_real_order_renders_its_customer_and_number_and_follows_the_missing_value_rule()
    {
        var campaign = await CampaignAsync();
        var orders = new OrderDriver(Admin());
        await orders.EnsureOfferAsync();
        var (number, _) = await orders.PlaceTrialAsync();
        await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation", EmailTemplate("Hello {$customer.name}, order {$order.number}; your manager {$manager.name}."));

        var preview = await (await Agent().PostAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation/preview", new { orderNumber = number })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("order", preview.GetProperty("source").GetString());
        Assert.Equal($"Hello Mario Rossi, order {number}; your manager -.", preview.GetProperty("text").GetString());
        Assert.Equal($"Your order {number}", preview.GetProperty("subject").GetString());
        Assert.Equal(["manager.name"], preview.GetProperty("missingVariables").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(2, preview.GetProperty("recipients").GetArrayLength());
        Assert.EndsWith("@example.it", preview.GetProperty("recipients")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_preview_against_an_order_or_call_that_does_not_exist_is_a_404_and_two_sources_are_a_400()
    {
        var campaign = await CampaignAsync();
        await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation", EmailTemplate());

        Assert.Equal(HttpStatusCode.NotFound, (await Agent().PostAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation/preview", new { orderNumber = "999999999" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Agent().PostAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation/preview", new { callId = "no-such-call" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Agent().PostAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation/preview", new { bookingId = "bk-nobody-202601010000-1" })).StatusCode);
        var both = await Agent().PostAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/confirmation/preview", new { orderNumber = "1", callId = "2" });
        Assert.Contains("orderNumber", (await both.AssertProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    [Fact]
    public async Task A_preview_against_a_call_renders_its_contact_phone_and_attempt_number()
    {
        var calls = new CallDriver(Admin());
        var campaign = await calls.CreateCampaignAsync();
        var phone = TestValues.Phone();
        await calls.AddLeadAsync(campaign, phone, name: "Lena Lead");
        var callId = await calls.DialOrFailAsync(campaign, "agent-1"); // the agent who previews
        await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/attempt", SmsTemplate("Hi {$name}, this was call {$call.attempt}."));

        var preview = await (await Agent().PostAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/attempt/preview", new { callId })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("call", preview.GetProperty("source").GetString());
        Assert.Equal("Hi Lena Lead, this was call 1.", preview.GetProperty("text").GetString());
        Assert.Equal([phone], preview.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("GSM-7", preview.GetProperty("sms").GetProperty("encoding").GetString());
    }

    [Fact]
    public async Task A_preview_against_a_colleagues_open_call_is_refused_as_reading_the_call_is_while_an_admin_may_preview_it()
    {
        var calls = new CallDriver(Admin());
        var campaign = await calls.CreateCampaignAsync();
        await calls.AddLeadAsync(campaign, TestValues.Phone(), name: "Lena Lead");
        var callId = await calls.DialOrFailAsync(campaign, "agent-" + TestValues.Letters(6).ToLowerInvariant());
        await Admin().PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/attempt", SmsTemplate("Hi {$name}, this was call {$call.attempt}."));

        var byColleague = await Agent().PostAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/attempt/preview", new { callId });
        var byAdmin = await Admin().PostAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/attempt/preview", new { callId });

        Assert.Equal((await Agent().GetAsync($"/api/v1/calls/{callId}")).StatusCode, byColleague.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byColleague.StatusCode);
        Assert.DoesNotContain("Lena Lead", await byColleague.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
    }

    [Fact]
    public async Task The_trigger_catalog_lists_every_trigger_with_its_variables()
    {
        var catalog = await Agent().GetFromJsonAsync<JsonElement>("/api/v1/message-triggers");

        var triggers = catalog.GetProperty("triggers").EnumerateArray().ToDictionary(t => t.GetProperty("event").GetString()!);
        Assert.Equal(["order.placed", "order.cancelled", "order.deleted", "order.trialReminder", "order.extensionOffer", "order.paymentConfirmed", "order.paymentFailed", "booking.made", "booking.cancelled", "booking.reminder", "outcome"], triggers.Keys);
        Assert.Contains(triggers["order.placed"].GetProperty("variables").EnumerateArray(), v => v.GetProperty("name").GetString() == "extension.link");
        Assert.Contains(triggers["outcome"].GetProperty("constraintFields").EnumerateArray(), v => v.GetProperty("name").GetString() == "call.attempt");
        Assert.Equal("yyyy-MM-dd HH:mm", catalog.GetProperty("instantFormats").GetProperty("datetime").GetString());
    }
}
