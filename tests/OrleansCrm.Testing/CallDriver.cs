using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansCrm.Testing;

/// <summary>
/// Drives campaigns, the dialer and calls through the public API (an admin client, naming agents), on the
/// simulated clock. Every helper returns the raw response or the parsed JSON; the tests assert.
/// </summary>
public sealed class CallDriver(HttpClient admin)
{
    public HttpClient Admin { get; } = admin;

    /// <summary>A campaign with the given calling hours (default open all day) in <paramref name="timeZone"/>; extra outcomes and retry settings as given.</summary>
    public async Task<string> CreateCampaignAsync(
        string? id = null, string timeZone = "UTC", string start = "00:00", string end = "23:59", object[]? outcomes = null, object? retryPolicy = null, int? attemptCap = null)
    {
        id ??= "camp-" + TestValues.Letters(12);
        var response = await Admin.PutAsJsonAsync($"/api/v1/campaigns/{id}", new
        {
            name = "Campaign " + id,
            timeZone,
            callingHours = new { start, end },
            outcomes = outcomes ?? [],
            retryPolicy,
            attemptCap,
        });
        response.EnsureSuccessStatusCode();
        return id;
    }

    public Task<HttpResponseMessage> ImportAsync(string campaignId, params object[] leads) =>
        Admin.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/leads", leads);

    /// <summary>Imports one lead and returns its contact id.</summary>
    public async Task<string> AddLeadAsync(string campaignId, string phone, string? timeZone = null, string? name = null, string? email = null, string? id = null, string? customerId = null, string? orderNumber = null)
    {
        var response = await ImportAsync(campaignId, new { id, name = name ?? "Lead " + phone, phone, email, timeZone, customerId, orderNumber });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (body.GetProperty("imported").GetInt32() != 1)
        {
            throw new InvalidOperationException("The lead was not imported: " + body);
        }

        return id ?? customerId ?? OrleansCrm.Domain.Calls.LeadImport.IdFromPhone(phone);
    }

    /// <summary>POST dialer/next for <paramref name="agentId"/>: the hand-out, or null on 204.</summary>
    public async Task<JsonElement?> NextAsync(string campaignId, string agentId)
    {
        var response = await Admin.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/dialer/next", new { agentId });
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>dialer/next that must hand something out.</summary>
    public async Task<JsonElement> NextOrFailAsync(string campaignId, string agentId) =>
        await NextAsync(campaignId, agentId) ?? throw new InvalidOperationException($"dialer/next gave {agentId} nothing in campaign {campaignId}.");

    /// <summary>dialer/next that must hand something out, and a call on it: the call id.</summary>
    public async Task<string> DialOrFailAsync(string campaignId, string agentId) =>
        await StartOnLeaseAsync(campaignId, await NextOrFailAsync(campaignId, agentId));

    /// <summary>Confirms an outcome that must succeed; the confirmed call.</summary>
    public async Task<JsonElement> ConfirmOkAsync(string callId, object outcome)
    {
        var response = await OutcomeAsync(callId, outcome);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"the outcome answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Moves the clock to the next 10:00 UTC, so a test that lets hours pass stays inside an all-day window.</summary>
    public async Task AlignToMorningAsync()
    {
        var now = await NowAsync();
        var target = new DateTimeOffset(now.UtcDateTime.Date.AddHours(10), TimeSpan.Zero);
        await AdvanceToAsync(target > now ? target : target.AddDays(1));
    }

    public Task<HttpResponseMessage> StartAsync(object body) => Admin.PostAsJsonAsync("/api/v1/calls", body);

    /// <summary>Starts a call on a hand-out and returns the call id.</summary>
    public async Task<string> StartOnLeaseAsync(string campaignId, JsonElement handOut)
    {
        var response = await StartAsync(new { campaignId, leaseId = handOut.GetProperty("leaseId").GetString(), agentId = handOut.GetProperty("agentId").GetString() });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>dialer/next then a call on it: (call id, contact id), or null when nothing is handed out.</summary>
    public async Task<(string CallId, string ContactId, string Why)?> DialAsync(string campaignId, string agentId)
    {
        if (await NextAsync(campaignId, agentId) is not { } handOut)
        {
            return null;
        }

        var callId = await StartOnLeaseAsync(campaignId, handOut);
        return (callId, handOut.GetProperty("contact").GetProperty("id").GetString()!, handOut.GetProperty("why").GetString()!);
    }

    public Task<HttpResponseMessage> DraftAsync(string callId, object draft) => Admin.PutAsJsonAsync($"/api/v1/calls/{callId}/draft", draft);

    public Task<HttpResponseMessage> OutcomeAsync(string callId, object outcome) => Admin.PostAsJsonAsync($"/api/v1/calls/{callId}/outcome", outcome);

    public Task<HttpResponseMessage> DiscardAsync(string callId) => Admin.PostAsync($"/api/v1/calls/{callId}/discard", null);

    public async Task<JsonElement> CallAsync(string callId) => await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{callId}");

    public async Task<JsonElement> StatsAsync(string campaignId) => await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{campaignId}/dialer/stats");

    public async Task<DateTimeOffset> NowAsync() =>
        (await Admin.GetFromJsonAsync<JsonElement>("/api/v1/test-clock")).GetProperty("now").GetDateTimeOffset();

    /// <summary>Moves the simulated clock forward by <paramref name="by"/>; work due on the way runs.</summary>
    public async Task AdvanceAsync(TimeSpan by) => await SimulatedClockMoves.MoveToAtLeastAsync(Admin, await NowAsync() + by);

    /// <summary>Moves the simulated clock to <paramref name="to"/> (never backwards).</summary>
    public Task AdvanceToAsync(DateTimeOffset to) => SimulatedClockMoves.MoveToAtLeastAsync(Admin, to);
}
