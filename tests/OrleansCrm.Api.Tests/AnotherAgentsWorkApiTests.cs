using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// What an agent may do with another agent's work (README, "Roles"): every call and booking route under the call's
/// author (agent-1), a colleague (agent-2), a supervisor and an admin. The rule lives in one place
/// (<c>CallAccess</c>); these tests hold every route to it.
/// </summary>
public sealed class AnotherAgentsWorkApiTests(CallLifecycleApiFactory factory) : IClassFixture<CallLifecycleApiFactory>
{
    private static readonly object MeetingOutcome = new { code = "meeting", label = "Appointment booked", type = "T", color = "#00897B", quick = true };

    private readonly CallDriver driver = new(factory.Admin());

    private HttpClient Author => factory.Agent();

    private HttpClient Colleague => factory.Agent2();

    private HttpClient Supervisor => factory.ClientWithKey(CrmApiFactory.SupervisorKey);

    private HttpClient Admin => driver.Admin;

    [Fact]
    public async Task An_open_call_and_its_draft_are_read_by_its_author_supervisors_and_admins_and_a_colleague_gets_403_without_the_draft()
    {
        var callId = await OpenCallOfAgent1Async();
        Assert.Equal(HttpStatusCode.OK, (await Author.PutAsJsonAsync($"/api/v1/calls/{callId}/draft", new { notes = "Private draft of agent-1" })).StatusCode);

        foreach (var reader in new[] { Author, Supervisor, Admin })
        {
            var call = await reader.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{callId}");
            Assert.Equal("Private draft of agent-1", call.GetProperty("draft").GetProperty("notes").GetString());
        }

        var refused = await Colleague.GetAsync($"/api/v1/calls/{callId}");
        await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain("Private draft", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_colleague_reads_a_confirmed_call_as_part_of_the_customers_history_but_never_a_discarded_one()
    {
        var confirmed = await OpenCallOfAgent1Async();
        Assert.Equal(HttpStatusCode.OK, (await Author.PostAsJsonAsync($"/api/v1/calls/{confirmed}/outcome", new { code = "completed", comment = "Happy with the order" })).StatusCode);
        var discarded = await OpenCallOfAgent1Async();
        Assert.Equal(HttpStatusCode.OK, (await Author.PutAsJsonAsync($"/api/v1/calls/{discarded}/draft", new { notes = "Thrown away" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Author.PostAsync($"/api/v1/calls/{discarded}/discard", null)).StatusCode);

        var read = await Colleague.GetFromJsonAsync<JsonElement>($"/api/v1/calls/{confirmed}");
        Assert.Equal("Confirmed", read.GetProperty("status").GetString());
        Assert.Equal("Happy with the order", read.GetProperty("outcome").GetProperty("comment").GetString());
        await (await Colleague.GetAsync($"/api/v1/calls/{discarded}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        foreach (var reader in new[] { Author, Supervisor, Admin })
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/calls/{discarded}")).StatusCode);
        }
    }

    [Fact]
    public async Task A_recording_is_heard_by_its_author_supervisors_and_admins_never_by_a_colleague_even_once_the_call_is_confirmed()
    {
        var callId = await OpenCallOfAgent1Async();
        var wav = CallLifecycleApiTests.Wav(200);
        Assert.Equal(HttpStatusCode.OK, (await CallLifecycleApiTests.UploadAsync(Author, callId, wav, "audio/wav")).StatusCode);
        var path = $"/api/v1/calls/{callId}/recording";

        foreach (var listener in new[] { Author, Supervisor, Admin })
        {
            Assert.Equal(wav, await listener.GetByteArrayAsync(path));
        }

        await (await Colleague.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await Author.PostAsJsonAsync($"/api/v1/calls/{callId}/outcome", new { code = "completed" })).StatusCode);
        await (await Colleague.GetAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(wav, await Supervisor.GetByteArrayAsync(path));
    }

    [Fact]
    public async Task Work_on_an_open_call_is_for_its_author_supervisors_and_admins_and_a_colleagues_attempts_are_403_changing_nothing()
    {
        var callId = await OpenCallOfAgent1Async();

        await (await Colleague.PutAsJsonAsync($"/api/v1/calls/{callId}/draft", new { notes = "Not mine" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await CallLifecycleApiTests.UploadAsync(Colleague, callId, CallLifecycleApiTests.Wav(100), "audio/wav")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Colleague.PutAsJsonAsync($"/api/v1/calls/{callId}/linked-order", new { orderId = "WEB-9" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Colleague.PostAsJsonAsync($"/api/v1/calls/{callId}/outcome", new { code = "completed" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await Colleague.PostAsync($"/api/v1/calls/{callId}/discard", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var untouched = await driver.CallAsync(callId);
        Assert.Equal("Open", untouched.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, untouched.GetProperty("draft").GetProperty("notes").ValueKind);

        var notes = new[] { (Author, "by the author"), (Supervisor, "by a supervisor"), (Admin, "by an admin") };
        foreach (var (client, text) in notes)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/calls/{callId}/draft", new { notes = text })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await CallLifecycleApiTests.UploadAsync(client, callId, CallLifecycleApiTests.Wav(100), "audio/wav")).StatusCode);
        }

        // The linked order decides whose sale it was: its author or an admin, not a supervisor.
        await (await Supervisor.PutAsJsonAsync($"/api/v1/calls/{callId}/linked-order", new { orderId = "WEB-9" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await Author.PutAsJsonAsync($"/api/v1/calls/{callId}/linked-order", new { orderId = "WEB-10" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync($"/api/v1/calls/{callId}/linked-order", new { orderId = "WEB-11" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Supervisor.PostAsJsonAsync($"/api/v1/calls/{callId}/outcome", new { code = "completed" })).StatusCode);
        var second = await OpenCallOfAgent1Async();
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/v1/calls/{second}/discard", null)).StatusCode);

        // And a colleague cannot start a call in agent-1's name.
        var campaign = await driver.CreateCampaignAsync();
        await (await Colleague.PostAsJsonAsync("/api/v1/calls", new { campaignId = campaign, customerId = "anyone", agentId = "agent-1" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_booking_is_read_by_anyone_and_cancelled_by_its_agendas_agent_its_booker_a_supervisor_or_an_admin_never_by_another_agent()
    {
        var closer = "closer-" + TestValues.Letters(8);
        await AgendaForAsync(closer);
        await AgendaForAsync("agent-2");

        var byColleague = await BookAsync(closer);
        foreach (var reader in new[] { Author, Colleague, Supervisor, Admin })
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/bookings/{byColleague}")).StatusCode);
        }

        await (await Colleague.PostAsync($"/api/v1/bookings/{byColleague}/cancel", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Booked", (await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{byColleague}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Author.PostAsync($"/api/v1/bookings/{byColleague}/cancel", null)).StatusCode);

        var inColleaguesAgenda = await BookAsync("agent-2");
        Assert.Equal(HttpStatusCode.OK, (await Colleague.PostAsync($"/api/v1/bookings/{inColleaguesAgenda}/cancel", null)).StatusCode);
        var bySupervisor = await BookAsync(closer);
        Assert.Equal(HttpStatusCode.OK, (await Supervisor.PostAsync($"/api/v1/bookings/{bySupervisor}/cancel", null)).StatusCode);
        var byAdmin = await BookAsync(closer);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/v1/bookings/{byAdmin}/cancel", null)).StatusCode);
    }

    /// <summary>An open call of agent-1, started with agent-1's own key on a fresh lead.</summary>
    private async Task<string> OpenCallOfAgent1Async(string? campaign = null)
    {
        await driver.AlignToMorningAsync();
        campaign ??= await driver.CreateCampaignAsync();
        await driver.AddLeadAsync(campaign, TestValues.Phone(), email: $"lead-{TestValues.Letters(8)}@example.com");
        var next = await Author.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/dialer/next", new { });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var leaseId = (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leaseId").GetString();
        var start = await Author.PostAsJsonAsync("/api/v1/calls", new { campaignId = campaign, leaseId });
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        return (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task AgendaForAsync(string agentId)
    {
        var response = await Admin.PutAsJsonAsync($"/api/v1/agents/{agentId}", new
        {
            name = "Agent " + agentId,
            email = $"{agentId}@example.com",
            agenda = new { timeZone = "UTC", dayStart = "09:00", dayEnd = "17:00", slotMinutes = 30, workDays = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>agent-1 books a free slot of <paramref name="agentId"/>'s agenda on a call of theirs: the booking id.</summary>
    private async Task<string> BookAsync(string agentId)
    {
        var campaign = await driver.CreateCampaignAsync(outcomes: [MeetingOutcome]);
        var callId = await OpenCallOfAgent1Async(campaign);
        var now = await driver.NowAsync();
        var from = Uri.EscapeDataString(now.AddDays(2).ToString("O", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(now.AddDays(9).ToString("O", CultureInfo.InvariantCulture));
        var agenda = await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/agents/{agentId}/agenda?from={from}&to={to}");
        var slot = agenda.GetProperty("freeSlots").EnumerateArray().First().GetDateTimeOffset();
        Assert.Equal(HttpStatusCode.OK, (await Author.PutAsJsonAsync($"/api/v1/calls/{callId}/draft", new { appointment = new { agentId, start = slot } })).StatusCode);
        var confirmed = await Author.PostAsJsonAsync($"/api/v1/calls/{callId}/outcome", new { code = "meeting" });
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        return (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetProperty("bookingId").GetString()!;
    }
}
