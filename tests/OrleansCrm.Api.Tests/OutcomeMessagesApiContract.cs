using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Grains;
using OrleansCrm.Grains.Calls;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The outcome trigger and the outcome form's messages, on the simulated clock, counted at the local SMTP server and
/// SMS gateway: seed 002's SMS on the dialer's 2nd no-contact (not the 1st or the 3rd), an outcome template's email
/// sent once even when the confirmation is retried, a template picked on the outcome form (rendered for the call,
/// edited, sent with the manager's copy), and an outcome code the campaign does not have refused when saved.
/// </summary>
public abstract class OutcomeMessagesApiContract(OutcomeMessagesApiFactory api)
{
    private const string Agent = "agent-1";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly CallDriver calls = new(api.Admin());

    private HttpClient Admin => calls.Admin;

    [Fact]
    public async Task The_dialers_first_second_and_third_no_contact_send_exactly_one_sms_on_the_second_at_the_gateway()
    {
        var campaign = await calls.CreateCampaignAsync();
        await PutAsync(campaign, "second-no-contact", new
        {
            channel = "sms",
            from = new { address = "Shop" },
            recipients = new[] { "customer.phone" },
            body = "Hi {$name}, we tried to reach you (attempt {$call.attempt}).",
            trigger = new { @event = "outcome", outcomeCode = "no-contact" },
            constraints = new[] { new { field = "call.attempt", anyOf = new[] { "2" } } },
        });
        var phone = TestValues.Phone();
        await calls.AddLeadAsync(campaign, phone, name: "Mario Rossi");
        await calls.AlignToMorningAsync();

        var first = await NoContactAsync(campaign);
        await calls.AdvanceAsync(TimeSpan.FromMinutes(61));
        var second = await NoContactAsync(campaign);
        var sms = await Eventually.WaitForAsync(() => Task.FromResult(SmsTo(phone)), s => s.Count == 1, Timeout);
        await calls.AdvanceAsync(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var third = await NoContactAsync(campaign);
        await calls.AdvanceAsync(TimeSpan.FromMinutes(10));

        Assert.Equal("Hi Mario Rossi, we tried to reach you (attempt 2).", Assert.Single(sms).Text);
        Assert.Single(SmsTo(phone));
        var logged = Assert.Single(await Eventually.WaitForAsync(() => LogAsync(second), l => l.Count == 1, Timeout));
        Assert.Equal(("sms", second, "second-no-contact@1"), (logged.GetProperty("channel").GetString(), logged.GetProperty("callId").GetString(), logged.GetProperty("templateVersion").GetString()));
        Assert.Empty(await LogAsync(first));
        Assert.Empty(await LogAsync(third));
    }

    [Fact]
    public async Task An_outcome_template_email_reaches_the_smtp_server_once_even_when_the_confirmation_is_retried()
    {
        var campaign = await calls.CreateCampaignAsync();
        await PutAsync(campaign, "thanks", new
        {
            channel = "email",
            from = new { address = "shop@example.com", name = "The Shop" },
            recipients = new[] { "customer.email" },
            subject = "Thanks {$name}",
            body = "Outcome {$outcome.label} on call {$call.id}, attempt {$call.attempt}.",
            trigger = new { @event = "outcome", outcomeType = "N" },
        });
        var email = $"{TestValues.Letters(12)}@example.it";
        await calls.AddLeadAsync(campaign, TestValues.Phone(), name: "Lucia Verdi", email: email);
        var callId = (await calls.DialAsync(campaign, Agent) ?? throw new InvalidOperationException("Nothing to dial.")).CallId;
        api.Faults.FailOnce(StorageFaults.StateWrite(StorageNames.CallState), s => s is CallState { Call: { Status: CallStatus.Confirmed } c } && c.Id == callId);

        Assert.False((await calls.OutcomeAsync(callId, new { code = "completed" })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calls.OutcomeAsync(callId, new { code = "completed" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await calls.OutcomeAsync(callId, new { code = "completed" })).StatusCode);

        var sent = await api.Mail.WaitForMessagesAsync(m => m.IsTo(email), 1, Timeout);
        await calls.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.Contains($"Outcome Conversation completed on call {callId}, attempt 1.", Assert.Single(sent).Text, StringComparison.Ordinal);
        Assert.Single(api.Mail.MessagesTo(email));
        Assert.Equal(0, api.Faults.Pending);
    }

    [Fact]
    public async Task A_template_picked_on_the_outcome_form_is_rendered_for_the_call_edited_and_sent_with_the_managers_copy()
    {
        var manager = $"{TestValues.Letters(12)}@example.com";
        (await Admin.PutAsJsonAsync($"/api/v1/agents/{Agent}", new { name = "Anna", email = manager })).EnsureSuccessStatusCode();
        var campaign = await calls.CreateCampaignAsync();
        await PutAsync(campaign, "letter", new
        {
            channel = "email",
            from = new { address = "shop@example.com", name = "The Shop" },
            recipients = new[] { "customer.email" },
            subject = "Your call with {$agent.name}",
            body = "Dear {$name}, thank you for your time ({$outcome.label}).",
            trigger = new { @event = "outcome", outcomeType = "N" },
        });
        var email = $"{TestValues.Letters(12)}@example.it";
        await calls.AddLeadAsync(campaign, TestValues.Phone(), name: "Paola Neri", email: email);
        var callId = (await calls.DialAsync(campaign, Agent) ?? throw new InvalidOperationException("Nothing to dial.")).CallId;
        var preview = await (await Admin.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/letter/preview", new { callId, outcomeCode = "completed" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Your call with Anna", "Dear Paola Neri, thank you for your time (Conversation completed)."), (preview.GetProperty("subject").GetString(), preview.GetProperty("text").GetString()));

        var draft = await calls.DraftAsync(callId, new
        {
            message = new
            {
                templateId = "letter",
                subject = preview.GetProperty("subject").GetString() + " today",
                body = preview.GetProperty("text").GetString() + " We send the brochure tomorrow.",
                copyToManager = true,
            },
        });
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        var confirmed = await calls.ConfirmOkAsync(callId, new { code = "completed" });

        Assert.True(confirmed.GetProperty("outcome").GetProperty("messageSent").GetBoolean());
        var toCustomer = Assert.Single(await api.Mail.WaitForMessagesAsync(m => m.IsTo(email), 1, Timeout));
        Assert.Contains("Subject: Your call with Anna today", toCustomer.Text, StringComparison.Ordinal);
        Assert.Contains("Dear Paola Neri, thank you for your time (Conversation completed). We send the brochure tomorrow.", toCustomer.Text, StringComparison.Ordinal);
        var copy = Assert.Single(await api.Mail.WaitForMessagesAsync(m => m.IsTo(manager) && m.Text.Contains(callId, StringComparison.Ordinal), 1, Timeout));
        Assert.Contains("Copy: Your call with Anna today", copy.Text, StringComparison.Ordinal);
        Assert.Contains("We send the brochure tomorrow.", copy.Text, StringComparison.Ordinal);
        var logged = await Eventually.WaitForAsync(() => LogAsync(callId), l => l.Count == 2, Timeout);
        Assert.Contains(logged, m => m.GetProperty("templateVersion").GetString() == "letter@1" && m.GetProperty("subject").GetString() == "Your call with Anna today");
        await calls.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.Single(api.Mail.MessagesTo(email));
    }

    [Fact]
    public async Task A_draft_naming_a_template_the_campaign_does_not_have_cannot_be_confirmed_and_the_call_stays_open()
    {
        var campaign = await calls.CreateCampaignAsync();
        await calls.AddLeadAsync(campaign, TestValues.Phone(), name: "Gino Blu", email: $"{TestValues.Letters(12)}@example.it");
        var callId = (await calls.DialAsync(campaign, Agent) ?? throw new InvalidOperationException("Nothing to dial.")).CallId;
        (await calls.DraftAsync(callId, new { message = new { templateId = "nowhere", subject = "Hi", body = "Body" } })).EnsureSuccessStatusCode();

        var problem = await (await calls.OutcomeAsync(callId, new { code = "completed" })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["draft.message.templateId"], problem.Errors!.Keys);
        Assert.Equal("Open", (await calls.CallAsync(callId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_outcome_template_naming_an_outcome_code_the_campaign_does_not_have_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var campaign = await calls.CreateCampaignAsync();

        var refused = await Admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/typo", SmsOn("no-answer"));

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["trigger.outcomeCode"], problem.Errors!.Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync($"/api/v1/campaigns/{campaign}/templates/typo")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/typo", SmsOn("no-contact"))).StatusCode);
    }

    private static object SmsOn(string outcomeCode) => new
    {
        channel = "sms",
        from = new { address = "Shop" },
        recipients = new[] { "customer.phone" },
        body = "Hi {$name}.",
        trigger = new { @event = "outcome", outcomeCode },
    };

    /// <summary>dialer/next for the agent, a call on it and "no contact" confirmed: the call id.</summary>
    private async Task<string> NoContactAsync(string campaign)
    {
        var callId = (await calls.DialAsync(campaign, Agent) ?? throw new InvalidOperationException("The dialer handed nothing out.")).CallId;
        await calls.ConfirmOkAsync(callId, new { code = "no-contact" });
        return callId;
    }

    private List<ReceivedSms> SmsTo(string phone) => [.. api.Gateway.Received.Where(r => r.To == phone && r.AnsweredWith == 202)];

    private async Task<List<JsonElement>> LogAsync(string callId) =>
        [.. (await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/messages?callId={callId}")).GetProperty("items").EnumerateArray()];

    private async Task PutAsync(string campaign, string id, object template)
    {
        var response = await Admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}/templates/{id}", template);
        Assert.True(response.IsSuccessStatusCode, $"PUT template answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
