using OrleansCrm.Contracts.Ports;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Contracts;
using OrleansCrm.Grains.Calls;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// A call attempt's life through the api: the draft, discard and the open-call timeout (nothing kept, the
/// contact back in the queue, a held slot free again), the recording upload, who may act on a call, and the
/// refusals — every 400 names its field, every illegal transition is a 409, and neither changes anything.
/// One api on the simulated clock for the class, with a small recording cap.
/// </summary>
public sealed class CallLifecycleApiTests(CallLifecycleApiFactory factory) : IClassFixture<CallLifecycleApiFactory>
{
    private readonly CallDriver driver = new(factory.Admin());

    private HttpClient Agent1 => factory.Agent();

    private HttpClient Agent2 => factory.Agent2();

    private HttpClient Supervisor => factory.ClientWithKey(CrmApiFactory.SupervisorKey);

    // ---------------------------------------------------------------- discard and timeout

    [Fact]
    public async Task Discard_leaves_no_trace_no_notes_cart_slot_message_or_outcome_and_the_contact_is_back_in_the_queue()
    {
        await driver.AlignToMorningAsync();
        var agent = NewAgent();
        var campaign = await driver.CreateCampaignAsync();
        var contactId = await driver.AddLeadAsync(campaign, TestValues.Phone(), email: "lead@example.com");
        var callId = await driver.DialOrFailAsync(campaign, agent);
        var slot = FreeSlots(await AgendaAsync(agent)).Last();

        var drafted = await driver.DraftAsync(callId, FullDraft(slot));
        Assert.Equal(HttpStatusCode.OK, drafted.StatusCode);
        Assert.Equal("Wants two jars", (await driver.CallAsync(callId)).GetProperty("draft").GetProperty("notes").GetString());
        Assert.DoesNotContain(slot, FreeSlots(await AgendaAsync(agent)));
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(driver.Admin, callId, Wav(100), "audio/wav")).StatusCode);

        var discarded = await driver.DiscardAsync(callId);

        Assert.Equal(HttpStatusCode.OK, discarded.StatusCode);
        var call = await driver.CallAsync(callId);
        Assert.Equal("Discarded", call.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, call.GetProperty("endedAt").ValueKind);
        AssertEmptyDraft(call);
        Assert.True(IsAbsent(call, "outcome"), call.ToString());
        Assert.True(IsAbsent(call, "recording"), call.ToString());
        Assert.True(IsAbsent(call, "linkedOrder"), call.ToString());
        var agenda = await AgendaAsync(agent);
        Assert.Contains(slot, FreeSlots(agenda));
        Assert.Equal(0, agenda.GetProperty("bookings").GetArrayLength());
        await (await driver.Admin.GetAsync($"/api/v1/calls/{callId}/recording")).AssertProblemAsync(HttpStatusCode.NotFound);
        await AssertStatsAsync(campaign, due: 1, leased: 0, done: 0);

        var again = await driver.NextOrFailAsync(campaign, NewAgent());
        Assert.Equal(contactId, again.GetProperty("contact").GetProperty("id").GetString());
        Assert.Equal("New", again.GetProperty("why").GetString());
        Assert.Equal(1, again.GetProperty("attempt").GetInt32());
    }

    [Fact]
    public async Task An_open_call_kept_only_in_memory_survives_idle_activation_collection_and_an_ended_one_is_read_back_from_storage()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        await driver.AddLeadAsync(campaign, TestValues.Phone());
        var callId = await driver.DialOrFailAsync(campaign, NewAgent());

        await CollectIdleActivationsAsync();
        Assert.Equal(1, await ActivationsOfCallAsync(callId));

        var confirmed = await driver.ConfirmOkAsync(callId, new { code = "no-contact" });
        Assert.Equal("Confirmed", confirmed.GetProperty("status").GetString());

        // The call's turn may still be finishing when the answer arrives: collect until it is idle.
        Assert.Equal(0, await Eventually.WaitForAsync(
            async () =>
            {
                await CollectIdleActivationsAsync();
                return await ActivationsOfCallAsync(callId);
            },
            count => count == 0,
            TimeSpan.FromSeconds(10)));

        var call = await driver.CallAsync(callId);
        Assert.Equal("Confirmed", call.GetProperty("status").GetString());
        Assert.Equal("no-contact", call.GetProperty("outcome").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_call_left_open_past_the_open_call_timeout_is_timed_out_and_released_like_a_discard()
    {
        await driver.AlignToMorningAsync();
        var agent = NewAgent();
        var campaign = await driver.CreateCampaignAsync();
        var contactId = await driver.AddLeadAsync(campaign, TestValues.Phone(), email: "lead@example.com");
        var callId = await driver.DialOrFailAsync(campaign, agent);
        var startedAt = (await driver.CallAsync(callId)).GetProperty("startedAt").GetDateTimeOffset();
        var slot = FreeSlots(await AgendaAsync(agent)).Last();
        Assert.Equal(HttpStatusCode.OK, (await driver.DraftAsync(callId, FullDraft(slot))).StatusCode);

        await driver.AdvanceToAsync(startedAt.AddMinutes(59));
        Assert.Equal("Open", (await driver.CallAsync(callId)).GetProperty("status").GetString());
        Assert.DoesNotContain(slot, FreeSlots(await AgendaAsync(agent)));
        await AssertStatsAsync(campaign, due: 0, leased: 1, done: 0);

        await driver.AdvanceToAsync(startedAt.AddMinutes(60));

        await AssertStatsAsync(campaign, due: 1, leased: 0, done: 0);
        Assert.Contains(slot, FreeSlots(await AgendaAsync(agent)));
        var call = await driver.CallAsync(callId);
        Assert.Equal("TimedOut", call.GetProperty("status").GetString());
        AssertEmptyDraft(call);
        Assert.True(IsAbsent(call, "outcome"), call.ToString());
        var again = await driver.NextOrFailAsync(campaign, NewAgent());
        Assert.Equal(contactId, again.GetProperty("contact").GetProperty("id").GetString());
        await (await driver.OutcomeAsync(callId, new { code = "completed" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_call_that_timed_out_without_a_draft_does_not_take_its_contact_back_from_the_agent_who_holds_it_now()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        var contactId = await driver.AddLeadAsync(campaign, TestValues.Phone());
        var (first, second, third) = (NewAgent(), NewAgent(), NewAgent());
        var callId = await driver.DialOrFailAsync(campaign, first);

        await driver.AdvanceAsync(TimeSpan.FromMinutes(60));
        var handOut = await driver.NextOrFailAsync(campaign, second);
        Assert.Equal(contactId, handOut.GetProperty("contact").GetProperty("id").GetString());
        Assert.Equal("TimedOut", (await driver.CallAsync(callId)).GetProperty("status").GetString());

        Assert.Null(await driver.NextAsync(campaign, third));
        await AssertStatsAsync(campaign, due: 0, leased: 1, done: 0);
        var start = await driver.StartAsync(new { campaignId = campaign, leaseId = handOut.GetProperty("leaseId").GetString(), agentId = second });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
    }

    // ---------------------------------------------------------------- the recording

    [Fact]
    public async Task A_wav_recording_is_stored_and_read_back_byte_for_byte()
    {
        var callId = await OpenCallAsync();
        var wav = Wav(1000);

        var uploaded = await UploadAsync(driver.Admin, callId, wav, "audio/wav");

        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var recording = (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recording");
        Assert.Equal("audio/wav", recording.GetProperty("contentType").GetString());
        Assert.Equal(wav.Length, recording.GetProperty("size").GetInt64());
        var download = await driver.Admin.GetAsync($"/api/v1/calls/{callId}/recording");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("audio/wav", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(wav, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_recording_that_is_not_an_accepted_audio_type_is_a_415()
    {
        var callId = await OpenCallAsync();

        await (await UploadAsync(driver.Admin, callId, Wav(100), "text/plain")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await UploadAsync(driver.Admin, callId, Wav(100), "application/octet-stream")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        await AssertNoRecordingAsync(callId);
    }

    [Fact]
    public async Task Bytes_that_do_not_match_the_declared_audio_type_are_a_415()
    {
        var callId = await OpenCallAsync();
        var ogg = "OggS"u8.ToArray().Concat(new byte[200]).ToArray();

        await (await UploadAsync(driver.Admin, callId, ogg, "audio/wav")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await UploadAsync(driver.Admin, callId, Encoding.UTF8.GetBytes("%PDF-1.7 not audio at all"), "audio/mpeg")).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);

        await AssertNoRecordingAsync(callId);
    }

    [Fact]
    public async Task A_recording_over_the_size_cap_is_a_413_with_or_without_a_Content_Length_and_one_at_the_cap_is_taken()
    {
        var callId = await OpenCallAsync();
        var over = Wav((int)CallLifecycleApiFactory.RecordingCap - 43);
        Assert.Equal(CallLifecycleApiFactory.RecordingCap + 1, over.Length);

        await (await UploadAsync(driver.Admin, callId, over, "audio/wav")).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await (await UploadAsync(driver.Admin, callId, over, "audio/wav", withLength: false)).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await AssertNoRecordingAsync(callId);

        var atCap = Wav((int)CallLifecycleApiFactory.RecordingCap - 44);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(driver.Admin, callId, atCap, "audio/wav", withLength: false)).StatusCode);
        Assert.Equal(atCap, await driver.Admin.GetByteArrayAsync($"/api/v1/calls/{callId}/recording"));
    }

    [Fact]
    public async Task A_recording_cannot_be_uploaded_to_a_confirmed_call_409()
    {
        var callId = await OpenCallAsync();
        await driver.ConfirmOkAsync(callId, new { code = "completed" });

        await (await UploadAsync(driver.Admin, callId, Wav(100), "audio/wav")).AssertProblemAsync(HttpStatusCode.Conflict);

        await AssertNoRecordingAsync(callId);
    }

    [Fact]
    public async Task Discarding_a_call_deletes_its_recording()
    {
        var callId = await OpenCallAsync();
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(driver.Admin, callId, Wav(300), "audio/wav")).StatusCode);
        Assert.NotNull(await factory.Services.GetRequiredService<IRecordingStore>().GetAsync(callId));

        Assert.Equal(HttpStatusCode.OK, (await driver.DiscardAsync(callId)).StatusCode);

        await (await driver.Admin.GetAsync($"/api/v1/calls/{callId}/recording")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(await factory.Services.GetRequiredService<IRecordingStore>().GetAsync(callId));
    }

    // ---------------------------------------------------------------- who may act on a call

    [Fact]
    public async Task Agents_act_on_their_own_calls_only_and_another_agent_gets_403_changing_nothing()
    {
        var callId = await OpenCallAsAgent1Async();

        await (await Agent2.PutAsJsonAsync($"/api/v1/calls/{callId}/draft", new { notes = "Not mine" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Agent2.PostAsJsonAsync($"/api/v1/calls/{callId}/outcome", new { code = "refusal" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Agent2.PostAsync($"/api/v1/calls/{callId}/discard", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await UploadAsync(Agent2, callId, Wav(100), "audio/wav")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Agent1.PostAsJsonAsync("/api/v1/calls", new { campaignId = "any", leaseId = "lease_any", agentId = "agent-2" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var call = await driver.CallAsync(callId);
        Assert.Equal("Open", call.GetProperty("status").GetString());
        AssertEmptyDraft(call);
        Assert.True(IsAbsent(call, "recording"), call.ToString());

        Assert.Equal(HttpStatusCode.OK, (await Agent1.PutAsJsonAsync($"/api/v1/calls/{callId}/draft", new { notes = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Agent1.PostAsJsonAsync($"/api/v1/calls/{callId}/outcome", new { code = "completed" })).StatusCode);
    }

    [Fact]
    public async Task Only_the_calls_author_or_an_admin_sets_its_linked_order()
    {
        var callId = await OpenCallAsAgent1Async();
        var path = $"/api/v1/calls/{callId}/linked-order";

        await (await Agent2.PutAsJsonAsync(path, new { orderId = "WEB-1" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Supervisor.PutAsJsonAsync(path, new { orderId = "WEB-1" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.True(IsAbsent(await driver.CallAsync(callId), "linkedOrder"));

        var byAuthor = await Agent1.PutAsJsonAsync(path, new { orderId = "WEB-2" });
        Assert.Equal(HttpStatusCode.OK, byAuthor.StatusCode);
        var linked = (await byAuthor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("linkedOrder");
        Assert.Equal("WEB-2", linked.GetProperty("orderId").GetString());
        Assert.Equal("PendingValidation", linked.GetProperty("status").GetString());
        Assert.Equal("agent-1", linked.GetProperty("setBy").GetString());

        Assert.Equal(HttpStatusCode.OK, (await driver.Admin.PutAsJsonAsync(path, new { orderId = "WEB-3" })).StatusCode);
        await driver.ConfirmOkAsync(callId, new { code = "completed" });
        Assert.Equal(HttpStatusCode.OK, (await Agent1.PutAsJsonAsync(path, new { orderId = "WEB-4" })).StatusCode);
        await (await Agent2.PutAsJsonAsync(path, new { orderId = "WEB-5" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("WEB-4", (await driver.CallAsync(callId)).GetProperty("linkedOrder").GetProperty("orderId").GetString());
    }

    // ---------------------------------------------------------------- illegal transitions and bad input

    [Fact]
    public async Task Every_action_on_a_discarded_or_confirmed_call_is_a_409_and_changes_nothing()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        await driver.AddLeadAsync(campaign, TestValues.Phone());
        await driver.AddLeadAsync(campaign, TestValues.Phone());
        var discardedId = await driver.DialOrFailAsync(campaign, NewAgent());
        Assert.Equal(HttpStatusCode.OK, (await driver.DraftAsync(discardedId, new { notes = "Gone soon" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await driver.DiscardAsync(discardedId)).StatusCode);
        var confirmedId = await driver.DialOrFailAsync(campaign, NewAgent());
        await driver.ConfirmOkAsync(confirmedId, new { code = "refusal", comment = "Not interested" });
        var statsBefore = (await driver.StatsAsync(campaign)).ToString();
        var discardedBefore = (await driver.CallAsync(discardedId)).ToString();
        var confirmedBefore = (await driver.CallAsync(confirmedId)).ToString();

        foreach (var callId in new[] { discardedId, confirmedId })
        {
            await (await driver.OutcomeAsync(callId, new { code = "completed" })).AssertProblemAsync(HttpStatusCode.Conflict);
            await (await driver.DraftAsync(callId, new { notes = "Too late" })).AssertProblemAsync(HttpStatusCode.Conflict);
            await (await driver.DiscardAsync(callId)).AssertProblemAsync(HttpStatusCode.Conflict);
            await (await UploadAsync(driver.Admin, callId, Wav(100), "audio/wav")).AssertProblemAsync(HttpStatusCode.Conflict);
        }

        await (await driver.Admin.PutAsJsonAsync($"/api/v1/calls/{discardedId}/linked-order", new { orderId = "WEB-9" })).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(statsBefore, (await driver.StatsAsync(campaign)).ToString());
        Assert.Equal(discardedBefore, (await driver.CallAsync(discardedId)).ToString());
        Assert.Equal(confirmedBefore, (await driver.CallAsync(confirmedId)).ToString());
        var confirmed = await driver.CallAsync(confirmedId);
        Assert.Equal("refusal", confirmed.GetProperty("outcome").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_callback_needs_callbackAt_in_the_future_and_within_90_days_and_a_refused_one_leaves_the_call_open()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync(outcomes: [new { code = "interested", label = "Interested", type = "R", color = "#00AA00" }]);
        await driver.AddLeadAsync(campaign, TestValues.Phone());
        var callId = await driver.DialOrFailAsync(campaign, NewAgent());
        var now = await driver.NowAsync();

        await AssertNamesAsync(await driver.OutcomeAsync(callId, new { code = "callback" }), "callbackAt");
        await AssertNamesAsync(await driver.OutcomeAsync(callId, new { code = "interested" }), "callbackAt");
        await AssertNamesAsync(await driver.OutcomeAsync(callId, new { code = "callback", callbackAt = now.AddMinutes(-1) }), "callbackAt");
        await AssertNamesAsync(await driver.OutcomeAsync(callId, new { code = "callback", callbackAt = now }), "callbackAt");
        await AssertNamesAsync(await driver.OutcomeAsync(callId, new { code = "callback", callbackAt = now.AddDays(90).AddMinutes(1) }), "callbackAt");
        await AssertNamesAsync(await driver.OutcomeAsync(callId, new { code = "completed", callbackAt = now.AddHours(-2) }), "callbackAt");

        var open = await driver.CallAsync(callId);
        Assert.Equal("Open", open.GetProperty("status").GetString());
        Assert.True(IsAbsent(open, "outcome"));
        await AssertStatsAsync(campaign, due: 0, leased: 1, done: 0);

        await driver.ConfirmOkAsync(callId, new { code = "callback", callbackAt = now.AddDays(90) });
        var outcome = (await driver.CallAsync(callId)).GetProperty("outcome");
        Assert.Equal(now.AddDays(90), outcome.GetProperty("callbackAt").GetDateTimeOffset());
        Assert.Equal("Private", outcome.GetProperty("callbackVisibility").GetString());
    }

    [Fact]
    public async Task Every_400_on_starting_drafting_or_confirming_a_call_names_the_field_and_changes_nothing()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        await driver.AddLeadAsync(campaign, TestValues.Phone());
        var agent = NewAgent();

        await AssertNamesAsync(await driver.StartAsync(new { campaignId = campaign, leaseId = "lease_x" }), "agentId");
        await AssertNamesAsync(await driver.StartAsync(new { campaignId = campaign, leaseId = "lease_x", agentId = "not an id!" }), "agentId");
        await AssertNamesAsync(await driver.StartAsync(new { agentId = agent, leaseId = "lease_x" }), "campaignId");
        await AssertNamesAsync(await driver.StartAsync(new { agentId = agent, campaignId = "no-such-" + TestValues.Letters(8), leaseId = "lease_x" }), "campaignId");
        await AssertNamesAsync(await driver.StartAsync(new { agentId = agent, campaignId = campaign }), "leaseId");
        await AssertNamesAsync(await driver.StartAsync(new { agentId = agent, campaignId = campaign, contactId = "nobody-" + TestValues.Letters(8) }), "contactId");
        await AssertNamesAsync(await driver.StartAsync(new { agentId = agent, campaignId = campaign, contactId = "someone", taskId = "task-1" }), "taskId");
        await (await driver.StartAsync(new { agentId = agent, campaignId = campaign, leaseId = "lease_neverhandedout" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await AssertStatsAsync(campaign, due: 1, leased: 0, done: 0);

        var callId = await driver.DialOrFailAsync(campaign, agent);
        await AssertNamesAsync(await driver.OutcomeAsync(callId, new { comment = "no code" }), "code");
        await AssertNamesAsync(await driver.OutcomeAsync(callId, new { code = "no-such-outcome" }), "code");
        await AssertNamesAsync(await driver.OutcomeAsync(callId, new { code = "no-contact", callbackAt = (await driver.NowAsync()).AddHours(3) }), "callbackAt");
        await AssertNamesAsync(await driver.OutcomeAsync(callId, new { code = "refusal", callbackVisibility = "Public" }), "callbackVisibility");
        await AssertNamesAsync(await driver.OutcomeAsync(callId, new { code = "completed", invoice = "New" }), "invoice");
        await AssertNamesAsync(await driver.OutcomeAsync(callId, new { code = "refusal", comment = new string('x', 2001) }), "comment");
        await AssertNamesAsync(
            await driver.Admin.PostAsync($"/api/v1/calls/{callId}/outcome", new StringContent("{\"code\":\"callback\",\"callbackVisibility\":\"sideways\"}", Encoding.UTF8, "application/json")),
            "callbackVisibility");

        await AssertNamesAsync(await driver.DraftAsync(callId, new { notes = new string('n', 4001) }), "notes");
        await AssertNamesAsync(await driver.DraftAsync(callId, new { cart = new { currency = "XYZ", lines = new[] { new { product = "Cream", quantity = 1, unitPrice = 10m } } } }), "cart.currency");
        await AssertNamesAsync(await driver.DraftAsync(callId, new { cart = new { currency = "EUR", lines = new[] { new { product = "Cream", quantity = 0, unitPrice = 10m } } } }), "cart.lines[0].quantity");
        await AssertNamesAsync(await driver.DraftAsync(callId, new { appointment = new { } }), "appointment.start");
        await AssertNamesAsync(await driver.DraftAsync(callId, new { appointment = new { start = (await driver.NowAsync()).AddDays(-1) } }), "appointment.start");
        await AssertNamesAsync(await driver.DraftAsync(callId, new { message = new { subject = "Hello" } }), "message.body");
        await AssertNamesAsync(await driver.DraftAsync(callId, new { linkedOrderId = "not an id!" }), "linkedOrderId");
        await AssertNamesAsync(await driver.Admin.PutAsJsonAsync($"/api/v1/calls/{callId}/linked-order", new { }), "orderId");

        var call = await driver.CallAsync(callId);
        Assert.Equal("Open", call.GetProperty("status").GetString());
        AssertEmptyDraft(call);
        Assert.True(IsAbsent(call, "outcome"));
        Assert.True(IsAbsent(call, "linkedOrder"));
        await AssertStatsAsync(campaign, due: 0, leased: 1, done: 0);
        await (await driver.Admin.GetAsync("/api/v1/calls/call_nosuchcall")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>An agent of this test alone, so agendas never meet.</summary>
    private static string NewAgent() => "agent-" + TestValues.Letters(10);

    /// <summary>Deactivates every activation idle for a moment, as the silo's collector does after the collection age.</summary>
    private Task CollectIdleActivationsAsync() => Management.ForceActivationCollection(TimeSpan.FromMilliseconds(1));

    private Task<int> ActivationsOfCallAsync(string callId) =>
        Management.GetGrainActivationCount((GrainReference)factory.Services.GetRequiredService<IGrainFactory>().GetGrain<ICallGrain>(callId));

    private IManagementGrain Management => factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);

    private static object FullDraft(DateTimeOffset slot) => new
    {
        notes = "Wants two jars",
        cart = new { currency = "EUR", lines = new[] { new { product = "Anti-age cream", quantity = 2, unitPrice = 45.00m } } },
        appointment = new { start = slot },
        linkedOrderId = "WEB-1001",
        message = new { subject = "Your offer", body = "As agreed on the phone." },
    };

    /// <summary>A fresh campaign with one lead and an open call on it by a new agent.</summary>
    private async Task<string> OpenCallAsync()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        await driver.AddLeadAsync(campaign, TestValues.Phone());
        return await driver.DialOrFailAsync(campaign, NewAgent());
    }

    /// <summary>An open call started by agent-1 with the agent's own key, on a hand-out the agent asked for.</summary>
    private async Task<string> OpenCallAsAgent1Async()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        await driver.AddLeadAsync(campaign, TestValues.Phone());
        var next = await Agent1.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/dialer/next", new { });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var leaseId = (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leaseId").GetString();
        var start = await Agent1.PostAsJsonAsync("/api/v1/calls", new { campaignId = campaign, leaseId });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var call = await start.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("agent-1", call.GetProperty("agentId").GetString());
        return call.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> AgendaAsync(string agentId) => await driver.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/agents/{agentId}/agenda");

    private static List<DateTimeOffset> FreeSlots(JsonElement agenda) => agenda.GetProperty("freeSlots").EnumerateArray().Select(s => s.GetDateTimeOffset()).ToList();

    private async Task AssertStatsAsync(string campaign, int due, int leased, int done)
    {
        var stats = await driver.StatsAsync(campaign);
        Assert.Equal((due, leased, done), (stats.GetProperty("due").GetInt32(), stats.GetProperty("leased").GetInt32(), stats.GetProperty("done").GetInt32()));
    }

    private async Task AssertNoRecordingAsync(string callId)
    {
        Assert.True(IsAbsent(await driver.CallAsync(callId), "recording"));
        await (await driver.Admin.GetAsync($"/api/v1/calls/{callId}/recording")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    private static bool IsAbsent(JsonElement element, string property) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null;

    private static void AssertEmptyDraft(JsonElement call)
    {
        var draft = call.GetProperty("draft");
        foreach (var field in new[] { "notes", "cart", "appointment", "linkedOrderId", "message" })
        {
            Assert.True(IsAbsent(draft, field), $"the draft still has {field}: {draft}");
        }
    }

    internal static Task<HttpResponseMessage> UploadAsync(HttpClient client, string callId, byte[] bytes, string contentType, bool withLength = true)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (!withLength)
        {
            content.Headers.ContentLength = null;
        }

        return client.PutAsync($"/api/v1/calls/{callId}/recording", content);
    }

    /// <summary>A valid 8 kHz mono 8-bit PCM WAVE file with <paramref name="dataBytes"/> bytes of samples (44 bytes of header).</summary>
    internal static byte[] Wav(int dataBytes)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true))
        {
            w.Write("RIFF"u8);
            w.Write(36 + dataBytes);
            w.Write("WAVE"u8);
            w.Write("fmt "u8);
            w.Write(16);
            w.Write((short)1);
            w.Write((short)1);
            w.Write(8000);
            w.Write(8000);
            w.Write((short)1);
            w.Write((short)8);
            w.Write("data"u8);
            w.Write(dataBytes);
            for (var i = 0; i < dataBytes; i++)
            {
                w.Write((byte)(128 + (i % 16)));
            }
        }

        return stream.ToArray();
    }

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors?.ContainsKey(field) == true, $"the 400 does not name '{field}' but {string.Join(", ", problem.Errors?.Keys.ToList() ?? [])}");
    }
}

/// <summary>The api on the simulated clock with a small recording cap, so the cap can be crossed with a few kilobytes.</summary>
public sealed class CallLifecycleApiFactory : CrmApiFactory
{
    public const long RecordingCap = 4096;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Clock:Simulated"] = "true",
        ["Calls:MaxRecordingBytes"] = RecordingCap.ToString(CultureInfo.InvariantCulture),
    };

    protected override bool FakeTime => false;
}
