using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Api.Wallboard;
using OrleansCrm.Contracts.Wallboard;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The wallboard's API: the outcome flags and thresholds of a campaign, the browser session (sign-in with a key, a
/// cookie that reads the wallboard only, sign-out, expiry on the service's clock), the snapshot's figures and the
/// stream (snapshot first, changes in order, heartbeats, a reconnect with Last-Event-ID). One api with fake time for
/// the class; each test has its own campaign and agents.
/// </summary>
public sealed class WallboardApiTests(WallboardApiTests.Fixture fixture) : IClassFixture<WallboardApiTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public WallboardApiFactory Api { get; } = new();

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public async ValueTask DisposeAsync() => await Api.DisposeAsync();
    }

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly object NotInterested = new { code = "not-interested", label = "Not interested", type = "N", color = "#795548" };
    private static readonly object SoldByPhone = new { code = "sold-by-phone", label = "Sold by phone", type = "N", color = "#1B5E20", sale = true };
    private static readonly object Busy = new { code = "busy", label = "Busy line", type = "R", color = "#FFB300", humanContact = false };

    private readonly WallboardApiFactory api = fixture.Api;
    private readonly CallDriver calls = new(fixture.Api.Admin());

    // ---------------------------------------------------------------- one build per board for all its screens

    [Fact]
    public async Task Two_screens_of_one_board_share_one_build_and_a_screen_never_gets_a_build_older_than_the_version_it_saw()
    {
        var campaign = await calls.CreateCampaignAsync(outcomes: [NotInterested]);
        var builds = api.Services.GetRequiredService<SharedWallboardBuilds>();
        var activity = api.Services.GetRequiredService<IGrainFactory>().GetGrain<IAgentActivityGrain>(IAgentActivityGrain.Key);
        var since = Stopwatch.GetTimestamp();
        var seen = await activity.VersionAsync();

        var first = builds.GetAsync([campaign], seen, since, CancellationToken.None);
        var second = builds.GetAsync([campaign], seen, since, CancellationToken.None);
        Assert.Same((await first).View, (await second).View);

        // A call starts on the board's campaign: the version moves, and a screen that saw the move gets figures holding it.
        var agent = "agent-shared-" + TestValues.Letters(6);
        await activity.CallStartedAsync(agent, "call-" + TestValues.Letters(8), campaign, api.Time.GetUtcNow());
        var moved = await Eventually.WaitForAsync(() => activity.VersionAsync(), v => v > seen, Timeout);
        var after = await builds.GetAsync([campaign], moved, since, CancellationToken.None);

        Assert.NotSame((await first).View, after.View);
        Assert.True(after.Version >= moved);
        Assert.Equal("in-call", Assert.Single(after.View.Agents, a => a.AgentId == agent).State);
    }

    // ---------------------------------------------------------------- outcome flags and thresholds

    [Fact]
    public async Task Every_outcome_of_a_campaign_shows_humanContact_and_sale_with_the_defaults_of_built_ins_and_types_unless_set()
    {
        var campaign = await calls.CreateCampaignAsync(outcomes: [NotInterested, SoldByPhone, Busy, new { code = "refusal", label = "Says no", type = "N", color = "#C62828", humanContact = false }]);

        var outcomes = (await calls.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaign}")).GetProperty("campaign").GetProperty("outcomes")
            .EnumerateArray().ToDictionary(o => o.GetProperty("code").GetString()!, o => (o.GetProperty("humanContact").GetBoolean(), o.GetProperty("sale").GetBoolean()));

        Assert.Equal((true, false), outcomes["completed"]);
        Assert.Equal((false, false), outcomes["no-contact"]);
        Assert.Equal((true, false), outcomes["callback"]);
        Assert.Equal((false, false), outcomes["invalid-contact"]);
        Assert.Equal((false, false), outcomes["refusal"]); // a built-in one's flags as the campaign set them
        Assert.Equal((true, false), outcomes["not-interested"]); // N: reached a person, no sale
        Assert.Equal((true, true), outcomes["sold-by-phone"]); // N with sale set
        Assert.Equal((false, false), outcomes["busy"]);
    }

    [Fact]
    public async Task The_outcome_schema_in_OpenAPI_has_humanContact_and_sale_and_the_campaign_has_its_wallboard_thresholds()
    {
        using var doc = JsonDocument.Parse(await calls.Admin.GetStringAsync("/swagger/v1/swagger.json"));
        var schemas = doc.RootElement.GetProperty("components").GetProperty("schemas");

        var outcome = schemas.GetProperty("Outcome").GetProperty("properties");
        Assert.True(outcome.TryGetProperty("humanContact", out _));
        Assert.True(outcome.TryGetProperty("sale", out _));
        Assert.True(schemas.GetProperty("Campaign").GetProperty("properties").TryGetProperty("wallboard", out _));
        Assert.True(schemas.GetProperty("WallboardThresholds").GetProperty("properties").TryGetProperty("dueRed", out _));
    }

    [Fact]
    public async Task Wallboard_thresholds_are_stored_with_their_defaults_and_a_red_below_amber_is_a_400_naming_it()
    {
        var id = "camp-" + TestValues.Letters(12);
        var ok = await calls.Admin.PutAsJsonAsync($"/api/v1/campaigns/{id}", new { name = "T", timeZone = "UTC", wallboard = new { dueAmber = 5, dueRed = 20 } });
        ok.EnsureSuccessStatusCode();
        var shown = (await calls.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}")).GetProperty("campaign").GetProperty("wallboard");
        Assert.Equal(5, shown.GetProperty("dueAmber").GetInt32());
        Assert.Equal(20, shown.GetProperty("dueRed").GetInt32());
        Assert.Equal(30, shown.GetProperty("contactRateAmber").GetInt32());

        var bad = await calls.Admin.PutAsJsonAsync($"/api/v1/campaigns/{id}", new { name = "T", timeZone = "UTC", wallboard = new { dueAmber = 20, dueRed = 5, contactRateAmber = 10, contactRateRed = 40 } });
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("wallboard.dueRed", problem.Errors!.Keys);
        Assert.Contains("wallboard.contactRateRed", problem.Errors!.Keys);
    }

    // ---------------------------------------------------------------- the browser session

    [Fact]
    public async Task A_supervisor_signs_in_with_a_key_in_the_body_and_gets_an_HttpOnly_SameSite_Strict_cookie_that_reads_the_wallboard_and_nothing_else()
    {
        var browser = Browser(api);
        var signIn = await browser.PostAsJsonAsync("/api/v1/wallboard/sign-in", new { apiKey = CrmApiFactory.SupervisorKey });

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var setCookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(CrmApiFactory.SupervisorKey, setCookie, StringComparison.Ordinal);
        var cookie = CookieOf(signIn);

        var session = await Send(browser, HttpMethod.Get, "/api/v1/wallboard/session", cookie);
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        var who = await session.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("supervisor", who.GetProperty("userId").GetString());
        Assert.Equal("session", who.GetProperty("by").GetString());

        // The cookie is not an API key: every other route, reading or changing, still wants X-Api-Key.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(browser, HttpMethod.Get, "/api/v1/reports/outcomes", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(browser, HttpMethod.Post, "/api/v1/dnc", cookie, new { phone = "+393331234567", reason = "test" })).StatusCode);
    }

    [Fact]
    public async Task An_agents_key_cannot_sign_in_to_the_wallboard_and_an_unknown_key_is_a_401()
    {
        var browser = Browser(api);

        await (await browser.PostAsJsonAsync("/api/v1/wallboard/sign-in", new { apiKey = CrmApiFactory.AgentKey })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await browser.PostAsJsonAsync("/api/v1/wallboard/sign-in", new { apiKey = "not-a-key-of-this-service" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Agent().GetAsync("/api/v1/wallboard/session")).StatusCode);
    }

    [Fact]
    public async Task A_form_sign_in_sends_the_browser_back_to_the_page_with_its_campaigns_and_never_puts_the_key_in_a_url()
    {
        var browser = Browser(api);
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["apiKey"] = CrmApiFactory.AdminKey, ["campaignId"] = "camp-a,camp-b" });

        var signIn = await browser.PostAsync("/api/v1/wallboard/sign-in", form);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/wallboard?campaignId=camp-a,camp-b", signIn.Headers.Location!.OriginalString);
        Assert.DoesNotContain(CrmApiFactory.AdminKey, signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Send(browser, HttpMethod.Get, "/api/v1/wallboard/session", CookieOf(signIn))).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_posted_from_another_site_is_refused()
    {
        var browser = Browser(api);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/wallboard/sign-in") { Content = JsonContent.Create(new { apiKey = CrmApiFactory.SupervisorKey }) };
        request.Headers.Add("Origin", "https://evil.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await browser.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session_on_the_server_so_the_old_cookie_is_a_401()
    {
        var browser = Browser(api);
        var cookie = CookieOf(await browser.PostAsJsonAsync("/api/v1/wallboard/sign-in", new { apiKey = CrmApiFactory.SupervisorKey }));

        var signOut = await Send(browser, HttpMethod.Post, "/api/v1/wallboard/sign-out", cookie);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Contains("expires=Thu, 01 Jan 1970", Assert.Single(signOut.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        await (await Send(browser, HttpMethod.Get, "/api/v1/wallboard/session", cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_session_slides_with_use_and_expires_eight_hours_after_its_last_use_on_the_services_clock()
    {
        await using var own = new WallboardApiFactory();
        var browser = Browser(own);
        var cookie = CookieOf(await browser.PostAsJsonAsync("/api/v1/wallboard/sign-in", new { apiKey = CrmApiFactory.SupervisorKey }));

        own.Time.Advance(TimeSpan.FromHours(7));
        Assert.Equal(HttpStatusCode.OK, (await Send(browser, HttpMethod.Get, "/api/v1/wallboard/session", cookie)).StatusCode);
        own.Time.Advance(TimeSpan.FromHours(7));
        Assert.Equal(HttpStatusCode.OK, (await Send(browser, HttpMethod.Get, "/api/v1/wallboard/session", cookie)).StatusCode);
        own.Time.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        await (await Send(browser, HttpMethod.Get, "/api/v1/wallboard/session", cookie)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    // ---------------------------------------------------------------- the snapshot

    [Fact]
    public async Task The_snapshot_has_each_agents_outcomes_with_colors_and_state_and_each_campaigns_queue_rates_zone_and_local_time()
    {
        var (campaign, a, b, c) = await BusyCampaignAsync();

        var view = await calls.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/wallboard?campaignId={campaign}");

        var agents = view.GetProperty("agents").EnumerateArray().ToDictionary(r => r.GetProperty("agentId").GetString()!);
        var first = agents[a];
        Assert.Equal("idle", first.GetProperty("state").GetString());
        Assert.Equal(1, first.GetProperty("calls").GetInt32());
        var bar = Assert.Single(first.GetProperty("outcomes").EnumerateArray());
        Assert.Equal(("sold-by-phone", "Sold by phone", "#1B5E20", 1), (bar.GetProperty("code").GetString(), bar.GetProperty("label").GetString(), bar.GetProperty("color").GetString(), bar.GetProperty("count").GetInt32()));
        Assert.Equal("refusal", Assert.Single(agents[b].GetProperty("outcomes").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal("in-call", agents[c].GetProperty("state").GetString());
        Assert.Equal(campaign, agents[c].GetProperty("callCampaignId").GetString());
        Assert.Equal(CrmApiFactory.Start, agents[c].GetProperty("inCallSince").GetDateTimeOffset());

        var tile = Assert.Single(view.GetProperty("campaigns").EnumerateArray());
        Assert.Equal("Europe/Rome", tile.GetProperty("timeZone").GetString());
        Assert.Equal("10:00", tile.GetProperty("localTime").GetString()); // 09:00 UTC is 10:00 in Rome in March
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), tile.GetProperty("dayStart").GetDateTimeOffset());
        var queue = tile.GetProperty("queue");
        Assert.Equal(1, queue.GetProperty("dueNew").GetInt32());
        Assert.Equal(1, queue.GetProperty("due").GetInt32());
        Assert.Equal(1, queue.GetProperty("leased").GetInt32());
        var today = tile.GetProperty("today");
        Assert.Equal((2, 2, 1), (today.GetProperty("calls").GetInt32(), today.GetProperty("humanContacts").GetInt32(), today.GetProperty("sales").GetInt32()));
        Assert.Equal(1.0, today.GetProperty("contactRate").GetDouble());
        Assert.Equal(0.5, today.GetProperty("conversion").GetDouble());
        Assert.Equal(2, tile.GetProperty("callsLast15Minutes").GetInt32());
        Assert.Equal((1, 2), (tile.GetProperty("agentsInCall").GetInt32(), tile.GetProperty("agentsIdle").GetInt32()));
        Assert.Equal("ok", tile.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_tile_turns_amber_then_red_as_contacts_wait_with_no_idle_agent()
    {
        var campaign = await calls.CreateCampaignAsync(outcomes: [NotInterested]);
        await calls.Admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}", new { name = "T", timeZone = "UTC", outcomes = new[] { NotInterested }, wallboard = new { dueAmber = 1, dueRed = 3 } });

        await calls.AddLeadAsync(campaign, TestValues.Phone());
        Assert.Equal("amber", await StatusOfAsync(campaign));
        await calls.AddLeadAsync(campaign, TestValues.Phone());
        await calls.AddLeadAsync(campaign, TestValues.Phone());
        Assert.Equal("red", await StatusOfAsync(campaign));
    }

    [Fact]
    public async Task The_wallboard_is_for_supervisors_and_admins_and_needs_a_campaign()
    {
        var campaign = await calls.CreateCampaignAsync();

        await (await api.Agent().GetAsync($"/api/v1/wallboard?campaignId={campaign}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await api.ClientWithKey(null).GetAsync($"/api/v1/wallboard?campaignId={campaign}")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("campaignId", (await (await calls.Admin.GetAsync("/api/v1/wallboard")).AssertProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
        await (await calls.Admin.GetAsync("/api/v1/wallboard?campaignId=no-such-campaign")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    // ---------------------------------------------------------------- the stream

    [Fact]
    public async Task The_stream_sends_a_snapshot_first_then_the_agents_change_when_a_call_starts_and_its_outcome_is_confirmed_in_order_with_heartbeats()
    {
        var campaign = await calls.CreateCampaignAsync(timeZone: "Europe/Rome", outcomes: [NotInterested]);
        var agent = "agent-" + TestValues.Letters(8);
        await calls.AddLeadAsync(campaign, TestValues.Phone());
        var browser = Browser(api);
        var cookie = CookieOf(await browser.PostAsJsonAsync("/api/v1/wallboard/sign-in", new { apiKey = CrmApiFactory.SupervisorKey }));
        await using var events = await OpenStreamAsync(browser, campaign, cookie);

        var (snapshot, before) = await events.UntilAsync(_ => true, Timeout);
        Assert.Empty(before);
        Assert.Equal("snapshot", snapshot.Type);
        Assert.DoesNotContain(agent, snapshot.Data, StringComparison.Ordinal);

        var callId = await calls.DialOrFailAsync(campaign, agent);
        var (started, _) = await events.UntilAsync(e => e.Type == "agent" && Row(e).GetProperty("agentId").GetString() == agent, Timeout);
        Assert.Equal("in-call", Row(started).GetProperty("state").GetString());

        await calls.ConfirmOkAsync(callId, new { code = "not-interested", comment = "No" });
        var (ended, _) = await events.UntilAsync(e => e.Type == "agent" && Row(e).GetProperty("state").GetString() == "idle" && Row(e).GetProperty("agentId").GetString() == agent, Timeout);
        Assert.Equal("not-interested", Assert.Single(Row(ended).GetProperty("outcomes").EnumerateArray()).GetProperty("code").GetString());
        Assert.True(ended.Sequence > started.Sequence && started.Sequence > snapshot.Sequence);
        Assert.Equal(snapshot.Stream, ended.Stream);

        var (beat, _) = await events.UntilAsync(e => e.Type == "heartbeat", Timeout);
        Assert.True(beat.Sequence > ended.Sequence);
    }

    [Fact]
    public async Task A_reconnect_with_Last_Event_ID_starts_with_a_fresh_snapshot_that_has_what_happened_meanwhile()
    {
        var campaign = await calls.CreateCampaignAsync(outcomes: [NotInterested]);
        var agent = "agent-" + TestValues.Letters(8);
        await calls.AddLeadAsync(campaign, TestValues.Phone());
        ServerSentEvent first;
        await using (var events = await OpenStreamAsync(calls.Admin, campaign, cookie: null))
        {
            (first, _) = await events.UntilAsync(_ => true, Timeout);
        }

        await calls.ConfirmOkAsync(await calls.DialOrFailAsync(campaign, agent), new { code = "not-interested", comment = "No" });
        await using var resumed = await OpenStreamAsync(calls.Admin, campaign, cookie: null, lastEventId: first.Id);

        var (again, before) = await resumed.UntilAsync(_ => true, Timeout);
        Assert.Empty(before);
        Assert.Equal("snapshot", again.Type);
        Assert.NotEqual(first.Id, again.Id);
        var row = Assert.Single(JsonDocument.Parse(again.Data).RootElement.GetProperty("agents").EnumerateArray(), r => r.GetProperty("agentId").GetString() == agent);
        Assert.Equal(1, row.GetProperty("calls").GetInt32());
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>A campaign in Rome: agent a sold by phone, agent b was refused, agent c is on a call; one new lead waits.</summary>
    private async Task<(string Campaign, string A, string B, string C)> BusyCampaignAsync()
    {
        var campaign = await calls.CreateCampaignAsync(timeZone: "Europe/Rome", outcomes: [NotInterested, SoldByPhone]);
        var (a, b, c) = ("agent-" + TestValues.Letters(8), "agent-" + TestValues.Letters(8), "agent-" + TestValues.Letters(8));
        for (var i = 0; i < 4; i++)
        {
            await calls.AddLeadAsync(campaign, TestValues.Phone());
        }

        await calls.ConfirmOkAsync(await calls.DialOrFailAsync(campaign, a), new { code = "sold-by-phone", comment = "Yes" });
        await calls.ConfirmOkAsync(await calls.DialOrFailAsync(campaign, b), new { code = "refusal", comment = "No" });
        await calls.DialOrFailAsync(campaign, c);
        return (campaign, a, b, c);
    }

    private async Task<string> StatusOfAsync(string campaign) =>
        (await calls.Admin.GetFromJsonAsync<JsonElement>($"/api/v1/wallboard?campaignId={campaign}")).GetProperty("campaigns")[0].GetProperty("status").GetString()!;

    private static JsonElement Row(ServerSentEvent e) => JsonDocument.Parse(e.Data).RootElement;

    /// <summary>A client that keeps no cookies of its own: each test sends the cookie it was given, as a browser would.</summary>
    private static HttpClient Browser(CrmApiFactory factory) => factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    private static string CookieOf(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("crm_wallboard=", StringComparison.Ordinal)).Split(';')[0];

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string cookie, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }

    private static async Task<ServerSentEvents> OpenStreamAsync(HttpClient client, string campaign, string? cookie, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/wallboard/stream?campaignId={campaign}");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new ServerSentEvents(await response.Content.ReadAsStreamAsync());
    }
}
