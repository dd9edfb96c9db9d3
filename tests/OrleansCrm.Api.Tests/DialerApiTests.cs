using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The dialer through the api: lead import, the hand-out order of dialer/next, leases, calling hours in the
/// contact's own zone, seed 001's no-contact retries, the attempt cap, the do-not-call list, callbacks and
/// the stats. One api on the simulated clock for the class; the clock only moves forward, so every test
/// works from the instant it finds and makes its own campaign.
/// </summary>
public sealed class DialerApiTests(SimulatedClockApiFactory factory) : IClassFixture<SimulatedClockApiFactory>
{
    private readonly CallDriver driver = new(factory.Admin());

    private HttpClient Agent1 => factory.Agent();

    private HttpClient Agent2 => factory.Agent2();

    private HttpClient Supervisor => factory.ClientWithKey(CrmApiFactory.SupervisorKey);

    // ---------------------------------------------------------------- lead import

    [Fact]
    public async Task Leads_imported_as_a_JSON_array_are_all_queued_as_fresh_contacts_in_the_campaigns_zone_unless_they_name_their_own()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync(timeZone: "Europe/Rome");
        var phones = new[] { TestValues.Phone(), TestValues.Phone(), TestValues.Phone() };

        var response = await driver.ImportAsync(
            campaign,
            new { name = "Lead one", phone = phones[0] },
            new { name = "Lead two", phone = phones[1], timeZone = "Asia/Tokyo" },
            new { name = "Lead three", phone = phones[2], email = "three@example.com" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("received").GetInt32());
        Assert.Equal(3, body.GetProperty("imported").GetInt32());
        Assert.Equal(0, body.GetProperty("refused").GetArrayLength());
        Assert.Equal(0, body.GetProperty("alreadyInCampaign").GetArrayLength());
        var stats = await driver.StatsAsync(campaign);
        Assert.Equal(3, stats.GetProperty("total").GetInt32());
        Assert.Equal(3, stats.GetProperty("due").GetInt32());
        var first = (await driver.NextOrFailAsync(campaign, "agent-1")).GetProperty("contact");
        Assert.Equal(phones[0], first.GetProperty("phone").GetString());
        Assert.Equal("Europe/Rome", first.GetProperty("timeZone").GetString());
        Assert.Equal("Fresh", first.GetProperty("stage").GetString());
        Assert.Equal(0, first.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Leads_imported_as_CSV_with_a_header_row_are_queued_with_their_columns()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        var (first, second) = (TestValues.Phone(), TestValues.Phone());
        var csv = $"name,phone,timeZone,email\nAnna Bianchi,{first},Europe/Rome,anna@example.it\r\nBob Stone,{second},America/New_York,\n";

        var response = await PostCsvAsync(driver.Admin, campaign, csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("imported").GetInt32());
        var handOut = await driver.NextOrFailAsync(campaign, "agent-1");
        var contact = handOut.GetProperty("contact");
        Assert.Equal(first, contact.GetProperty("phone").GetString());
        Assert.Equal("Anna Bianchi", contact.GetProperty("name").GetString());
        Assert.Equal("Europe/Rome", contact.GetProperty("timeZone").GetString());
        Assert.Equal("anna@example.it", contact.GetProperty("email").GetString());
        Assert.Equal("America/New_York", (await driver.NextOrFailAsync(campaign, "agent-1")).GetProperty("contact").GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task Bad_rows_are_reported_with_their_row_numbers_and_the_good_rows_are_kept()
    {
        var campaign = await driver.CreateCampaignAsync();
        var good = new[] { TestValues.Phone(), TestValues.Phone(), TestValues.Phone() };

        var json = await driver.ImportAsync(
            campaign,
            new { phone = good[0] },
            new { phone = "12345" },
            new { phone = good[1] },
            new { phone = TestValues.Phone(), timeZone = "Mars/Olympus_Mons" });
        var csv = await PostCsvAsync(driver.Admin, campaign, $"phone,name\nnot-a-phone,Broken\n{good[2]},Fine\n");

        var jsonBody = await json.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, jsonBody.GetProperty("received").GetInt32());
        Assert.Equal(2, jsonBody.GetProperty("imported").GetInt32());
        var refused = jsonBody.GetProperty("refused").EnumerateArray().ToList();
        Assert.Equal([2, 4], refused.Select(r => r.GetProperty("row").GetInt32()));
        Assert.True(refused[0].GetProperty("errors").TryGetProperty("phone", out _), refused[0].ToString());
        Assert.True(refused[1].GetProperty("errors").TryGetProperty("timeZone", out _), refused[1].ToString());

        var csvBody = await csv.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, csvBody.GetProperty("imported").GetInt32());
        var csvRefused = Assert.Single(csvBody.GetProperty("refused").EnumerateArray().ToList());
        Assert.Equal(1, csvRefused.GetProperty("row").GetInt32()); // the header is not a row
        Assert.True(csvRefused.GetProperty("errors").TryGetProperty("phone", out _), csvRefused.ToString());

        Assert.Equal(3, (await driver.StatsAsync(campaign)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_lead_already_in_the_campaign_is_reported_in_alreadyInCampaign_and_not_imported_again()
    {
        var campaign = await driver.CreateCampaignAsync();
        var (known, fresh) = (TestValues.Phone(), TestValues.Phone());
        await driver.AddLeadAsync(campaign, known);

        var response = await driver.ImportAsync(campaign, new { phone = fresh }, new { phone = known, name = "Someone else" });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("imported").GetInt32());
        Assert.Equal([2], body.GetProperty("alreadyInCampaign").EnumerateArray().Select(r => r.GetInt32()));
        Assert.Equal(0, body.GetProperty("refused").GetArrayLength());
        Assert.Equal(2, (await driver.StatsAsync(campaign)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Five_thousand_leads_in_one_request_are_all_imported()
    {
        var campaign = await driver.CreateCampaignAsync();
        var leads = Enumerable.Range(0, 5000).Select(i => new { name = $"Bulk {i}", phone = "+1777" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture) }).ToList();

        var response = await driver.Admin.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/leads", leads);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5000, body.GetProperty("received").GetInt32());
        Assert.Equal(5000, body.GetProperty("imported").GetInt32());
        Assert.Equal(0, body.GetProperty("refused").GetArrayLength());
        var stats = await driver.StatsAsync(campaign);
        Assert.Equal(5000, stats.GetProperty("total").GetInt32());
        Assert.Equal(5000, stats.GetProperty("due").GetInt32());
    }

    [Fact]
    public async Task Importing_into_an_unknown_campaign_is_a_404()
    {
        await (await driver.ImportAsync("no-such-campaign-" + TestValues.Letters(8), new { phone = TestValues.Phone() })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_supervisors_and_admins_import_leads_and_agents_get_403()
    {
        var campaign = await driver.CreateCampaignAsync();

        await (await Agent1.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/leads", new[] { new { phone = TestValues.Phone() } })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await PostCsvAsync(Agent2, campaign, $"phone\n{TestValues.Phone()}\n")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await driver.StatsAsync(campaign)).GetProperty("total").GetInt32());

        var bySupervisor = await Supervisor.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/leads", new[] { new { phone = TestValues.Phone() } });
        Assert.Equal(HttpStatusCode.OK, bySupervisor.StatusCode);
        Assert.Equal(1, (await driver.StatsAsync(campaign)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_lead_file_that_is_neither_JSON_nor_CSV_is_a_415()
    {
        var campaign = await driver.CreateCampaignAsync();

        var response = await driver.Admin.PostAsync(
            $"/api/v1/campaigns/{campaign}/leads", new StringContent($"phone\n{TestValues.Phone()}\n", Encoding.UTF8, "text/plain"));

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(0, (await driver.StatsAsync(campaign)).GetProperty("total").GetInt32());
    }

    // ---------------------------------------------------------------- the hand-out order

    [Fact]
    public async Task Dialer_next_hands_out_own_private_callbacks_then_public_callbacks_then_retries_then_fresh_leads_in_import_order()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        var (privateLead, publicLead, retryLead, fresh1, fresh2, fresh3) = (TestValues.Phone(), TestValues.Phone(), TestValues.Phone(), TestValues.Phone(), TestValues.Phone(), TestValues.Phone());
        await ImportOkAsync(campaign, privateLead, publicLead, retryLead, fresh1, fresh2);
        await ImportOkAsync(campaign, fresh3);
        var t0 = await driver.NowAsync();

        var p = await DialExpectingAsync(campaign, "agent-1", privateLead);
        await driver.ConfirmOkAsync(p, new { code = "callback", callbackAt = t0.AddHours(1), callbackVisibility = "Private" });
        var c = await DialExpectingAsync(campaign, "agent-7", publicLead);
        await driver.ConfirmOkAsync(c, new { code = "callback", callbackAt = t0.AddHours(1), callbackVisibility = "Public" });
        var r = await DialExpectingAsync(campaign, "agent-7", retryLead);
        await driver.ConfirmOkAsync(r, new { code = "no-contact" });
        await driver.AdvanceToAsync(t0.AddHours(1));

        var handedOut = new List<(string Phone, string Why)>();
        while (await driver.NextAsync(campaign, "agent-1") is { } handOut)
        {
            handedOut.Add((handOut.GetProperty("contact").GetProperty("phone").GetString()!, handOut.GetProperty("why").GetString()!));
        }

        Assert.Equal(
            [(privateLead, "PrivateCallback"), (publicLead, "Callback"), (retryLead, "Retry"), (fresh1, "New"), (fresh2, "New"), (fresh3, "New")],
            handedOut);
    }

    [Fact]
    public async Task Dialer_next_answers_204_when_nothing_is_due()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        var empty = await driver.Admin.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/dialer/next", new { agentId = "agent-1" });
        Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);

        await ImportOkAsync(campaign, TestValues.Phone());
        var call = await driver.DialOrFailAsync(campaign, "agent-1");
        await driver.ConfirmOkAsync(call, new { code = "no-contact" });

        Assert.Null(await driver.NextAsync(campaign, "agent-1"));
        Assert.Null(await driver.NextAsync(campaign, "agent-2"));
    }

    [Fact]
    public async Task A_private_callback_goes_only_to_its_agent_and_a_public_one_to_anyone_both_at_their_time()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        var (mine, anyone) = (TestValues.Phone(), TestValues.Phone());
        await ImportOkAsync(campaign, mine, anyone);
        var t0 = await driver.NowAsync();
        await driver.ConfirmOkAsync(await DialExpectingAsync(campaign, "agent-1", mine), new { code = "callback", callbackAt = t0.AddHours(1), callbackVisibility = "Private" });
        await driver.ConfirmOkAsync(await DialExpectingAsync(campaign, "agent-1", anyone), new { code = "callback", callbackAt = t0.AddHours(1), callbackVisibility = "Public" });

        await driver.AdvanceToAsync(t0.AddMinutes(59));
        Assert.Null(await driver.NextAsync(campaign, "agent-1"));
        Assert.Null(await driver.NextAsync(campaign, "agent-2"));

        await driver.AdvanceToAsync(t0.AddHours(1));
        var toAgent2 = await driver.NextOrFailAsync(campaign, "agent-2");
        Assert.Equal(anyone, toAgent2.GetProperty("contact").GetProperty("phone").GetString());
        Assert.Equal("Callback", toAgent2.GetProperty("why").GetString());
        Assert.Null(await driver.NextAsync(campaign, "agent-2"));
        var toAgent1 = await driver.NextOrFailAsync(campaign, "agent-1");
        Assert.Equal(mine, toAgent1.GetProperty("contact").GetProperty("phone").GetString());
        Assert.Equal("PrivateCallback", toAgent1.GetProperty("why").GetString());
    }

    [Fact]
    public async Task A_private_callback_that_turns_public_once_overdue_by_the_campaigns_grace_minutes()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync(retryPolicy: new { privateCallbackGraceMinutes = 45 });
        var phone = TestValues.Phone();
        await ImportOkAsync(campaign, phone);
        var t0 = await driver.NowAsync();
        var dueAt = t0.AddHours(1);
        await driver.ConfirmOkAsync(await DialExpectingAsync(campaign, "agent-1", phone), new { code = "callback", callbackAt = dueAt, callbackVisibility = "Private" });

        await driver.AdvanceToAsync(dueAt);
        Assert.Null(await driver.NextAsync(campaign, "agent-2"));
        await driver.AdvanceToAsync(dueAt.AddMinutes(44));
        Assert.Null(await driver.NextAsync(campaign, "agent-2"));

        await driver.AdvanceToAsync(dueAt.AddMinutes(45));
        var handOut = await driver.NextOrFailAsync(campaign, "agent-2");
        Assert.Equal(phone, handOut.GetProperty("contact").GetProperty("phone").GetString());
        Assert.Equal("Callback", handOut.GetProperty("why").GetString());
    }

    // ---------------------------------------------------------------- a dialer that reactivates

    [Fact]
    public async Task A_reloaded_dialer_hands_out_in_import_order_with_its_leases_and_callbacks_intact()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        var phones = Enumerable.Range(0, 7).Select(_ => TestValues.Phone()).ToArray();
        await ImportOkAsync(campaign, phones[..4]);
        await ImportOkAsync(campaign, phones[4..]);
        var t0 = await driver.NowAsync();

        // The first lead: agent-1's private callback in an hour; the second: agent-1 on a call; the third: leased to agent-2.
        await driver.ConfirmOkAsync(await DialExpectingAsync(campaign, "agent-1", phones[0]), new { code = "callback", callbackAt = t0.AddHours(1), callbackVisibility = "Private" });
        var onCall = await DialExpectingAsync(campaign, "agent-1", phones[1]);
        var held = await driver.NextOrFailAsync(campaign, "agent-2");
        Assert.Equal(phones[2], held.GetProperty("contact").GetProperty("phone").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, (await Supervisor.PostAsync($"/api/v1/campaigns/{campaign}/dialer/reload", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await driver.Admin.PostAsync($"/api/v1/campaigns/{campaign}/dialer/reload", null)).StatusCode);

        // The rebuilt queue: the held contacts stay held, the others come in import order.
        await AssertStatsAsync(campaign, due: 4, scheduled: 1, leased: 2, done: 0);
        var rest = new List<string>();
        while (await driver.NextAsync(campaign, "agent-3") is { } handOut)
        {
            rest.Add(handOut.GetProperty("contact").GetProperty("phone").GetString()!);
        }

        Assert.Equal(phones[3..], rest);

        // The lease given before the reload starts its call; the call started before it ends with its outcome.
        var call = await driver.StartOnLeaseAsync(campaign, held);
        Assert.Equal(held.GetProperty("contact").GetProperty("id").GetString(), (await driver.CallAsync(call)).GetProperty("contactId").GetString());
        await driver.ConfirmOkAsync(onCall, new { code = "refusal" });

        // Importing the same leads again changes nothing.
        var again = await driver.ImportAsync(campaign, phones.Select(p => (object)new { name = "Lead " + p, phone = p }).ToArray());
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 7), (body.GetProperty("imported").GetInt32(), body.GetProperty("alreadyInCampaign").GetArrayLength()));

        // The private callback is still agent-1's, at its time.
        await driver.AdvanceToAsync(t0.AddHours(1));
        var callback = await driver.NextOrFailAsync(campaign, "agent-1");
        Assert.Equal((phones[0], "PrivateCallback"), (callback.GetProperty("contact").GetProperty("phone").GetString(), callback.GetProperty("why").GetString()));
    }

    // ---------------------------------------------------------------- leases

    [Fact]
    public async Task A_hand_out_is_a_lease_that_expires_back_to_the_queue_after_two_minutes()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        var phone = TestValues.Phone();
        await ImportOkAsync(campaign, phone);
        var now = await driver.NowAsync();

        var first = await driver.NextOrFailAsync(campaign, "agent-1");
        Assert.Equal(now.AddMinutes(2), first.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal("agent-1", first.GetProperty("agentId").GetString());
        Assert.Null(await driver.NextAsync(campaign, "agent-2"));
        Assert.Equal(1, (await driver.StatsAsync(campaign)).GetProperty("leased").GetInt32());

        await driver.AdvanceToAsync(now.AddMinutes(2).AddSeconds(-1));
        Assert.Null(await driver.NextAsync(campaign, "agent-2"));

        await driver.AdvanceToAsync(now.AddMinutes(2));
        var second = await driver.NextOrFailAsync(campaign, "agent-2");
        Assert.Equal(phone, second.GetProperty("contact").GetProperty("phone").GetString());
        Assert.Equal("New", second.GetProperty("why").GetString());
        Assert.NotEqual(first.GetProperty("leaseId").GetString(), second.GetProperty("leaseId").GetString());
    }

    [Fact]
    public async Task Starting_a_call_on_an_expired_lease_is_a_409_and_the_contact_stays_in_the_queue()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        await ImportOkAsync(campaign, TestValues.Phone());
        var handOut = await driver.NextOrFailAsync(campaign, "agent-1");

        await driver.AdvanceAsync(TimeSpan.FromMinutes(2));
        var start = await driver.StartAsync(new { campaignId = campaign, leaseId = handOut.GetProperty("leaseId").GetString(), agentId = "agent-1" });

        await start.AssertProblemAsync(HttpStatusCode.Conflict);
        var stats = await driver.StatsAsync(campaign);
        Assert.Equal(0, stats.GetProperty("leased").GetInt32());
        Assert.Equal(1, stats.GetProperty("due").GetInt32());
    }

    [Fact]
    public async Task A_call_cannot_start_on_another_agents_lease()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        await ImportOkAsync(campaign, TestValues.Phone());
        var nextForAgent1 = await Agent1.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/dialer/next", new { });
        Assert.Equal(HttpStatusCode.OK, nextForAgent1.StatusCode);
        var handOut = await nextForAgent1.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("agent-1", handOut.GetProperty("agentId").GetString());
        var leaseId = handOut.GetProperty("leaseId").GetString();

        await (await Agent2.PostAsJsonAsync("/api/v1/calls", new { campaignId = campaign, leaseId })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await Agent2.PostAsJsonAsync("/api/v1/calls", new { campaignId = campaign, leaseId, agentId = "agent-1" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await driver.StartAsync(new { campaignId = campaign, leaseId, agentId = "agent-2" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var byOwner = await Agent1.PostAsJsonAsync("/api/v1/calls", new { campaignId = campaign, leaseId });
        Assert.Equal(HttpStatusCode.Created, byOwner.StatusCode);
        Assert.Equal("agent-1", (await byOwner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("agentId").GetString());
    }

    [Fact]
    public async Task A_lease_starts_one_call_only()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        await ImportOkAsync(campaign, TestValues.Phone());
        var handOut = await driver.NextOrFailAsync(campaign, "agent-1");
        await driver.StartOnLeaseAsync(campaign, handOut);

        var again = await driver.StartAsync(new { campaignId = campaign, leaseId = handOut.GetProperty("leaseId").GetString(), agentId = "agent-1" });

        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        await AssertStatsAsync(campaign, due: 0, scheduled: 0, leased: 1, done: 0);
    }

    [Fact]
    public async Task A_contact_handed_out_to_one_agent_cannot_be_called_directly_by_another()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        await ImportOkAsync(campaign, TestValues.Phone());
        var handOut = await driver.NextOrFailAsync(campaign, "agent-1");
        var contactId = handOut.GetProperty("contact").GetProperty("id").GetString();

        await (await driver.StartAsync(new { campaignId = campaign, contactId, agentId = "agent-2" })).AssertProblemAsync(HttpStatusCode.Conflict);

        await AssertStatsAsync(campaign, due: 0, scheduled: 0, leased: 1, done: 0);
        var byHolder = await driver.StartAsync(new { campaignId = campaign, contactId, agentId = "agent-1" });
        Assert.Equal(HttpStatusCode.Created, byHolder.StatusCode);
    }

    [Fact]
    public async Task A_second_open_call_on_one_customer_is_409_even_when_it_names_a_made_up_contact_id()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        var customer = await CustomerAsync(TestValues.Phone());
        var first = await driver.StartAsync(new { campaignId = campaign, customerId = customer, agentId = "agent-1" });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        await (await driver.StartAsync(new { campaignId = campaign, customerId = customer, agentId = "agent-2" })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await driver.StartAsync(new { campaignId = campaign, contactId = "made-up-" + TestValues.Letters(8), customerId = customer, agentId = "agent-2" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        // The made-up id made no second contact for the customer; once the first call ends, the customer can be called again.
        Assert.Equal(1, (await driver.StatsAsync(campaign)).GetProperty("total").GetInt32());
        var callId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await driver.DiscardAsync(callId)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await driver.StartAsync(new { campaignId = campaign, contactId = "made-up-" + TestValues.Letters(8), customerId = customer, agentId = "agent-2" })).StatusCode);
    }

    [Fact]
    public async Task A_customer_on_a_call_as_an_imported_lead_cannot_be_called_directly_at_the_same_time_and_the_other_way_round()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        var phone = TestValues.Phone();
        var customer = await CustomerAsync(phone);
        var lead = await driver.AddLeadAsync(campaign, phone, id: "lead-" + TestValues.Letters(8));
        var onLease = await driver.DialOrFailAsync(campaign, "agent-1");

        await (await driver.StartAsync(new { campaignId = campaign, customerId = customer, agentId = "agent-2" })).AssertProblemAsync(HttpStatusCode.Conflict);

        (await driver.DiscardAsync(onLease)).EnsureSuccessStatusCode();
        var direct = await driver.StartAsync(new { campaignId = campaign, customerId = customer, agentId = "agent-2" });
        Assert.Equal(HttpStatusCode.Created, direct.StatusCode);
        await (await driver.StartAsync(new { campaignId = campaign, contactId = lead, agentId = "agent-1" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    // ---------------------------------------------------------------- calling hours

    [Fact]
    public async Task Only_contacts_whose_own_local_time_is_inside_the_calling_hours_are_handed_out_and_the_others_when_their_window_opens()
    {
        var noonUtc = NextLocal(await driver.NowAsync(), "UTC", new TimeOnly(12, 0));
        await driver.AdvanceToAsync(noonUtc);
        var campaign = await driver.CreateCampaignAsync(timeZone: "UTC", start: "09:00", end: "20:00");
        var (newYork, rome, tokyo) = (TestValues.Phone(), TestValues.Phone(), TestValues.Phone());
        await ImportOkAsync(campaign, (newYork, "America/New_York"), (rome, "Europe/Rome"), (tokyo, "Asia/Tokyo"));

        // 12:00 UTC: 13:00 or 14:00 in Rome (open), 07:00 or 08:00 in New York and 21:00 in Tokyo (closed).
        var first = await driver.NextOrFailAsync(campaign, "agent-1");
        Assert.Equal(rome, first.GetProperty("contact").GetProperty("phone").GetString());
        Assert.Null(await driver.NextAsync(campaign, "agent-1"));
        await driver.ConfirmOkAsync(await driver.StartOnLeaseAsync(campaign, first), new { code = "completed" });

        var newYorkOpens = NextLocal(noonUtc, "America/New_York", new TimeOnly(9, 0));
        var tokyoOpens = NextLocal(noonUtc, "Asia/Tokyo", new TimeOnly(9, 0));
        Assert.True(newYorkOpens < tokyoOpens);

        await driver.AdvanceToAsync(newYorkOpens.AddMinutes(-1));
        Assert.Null(await driver.NextAsync(campaign, "agent-1"));
        await driver.AdvanceToAsync(newYorkOpens);
        var second = await driver.NextOrFailAsync(campaign, "agent-1");
        Assert.Equal(newYork, second.GetProperty("contact").GetProperty("phone").GetString());
        Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(second.GetProperty("contact").GetProperty("localTime").GetProperty("time").GetDateTimeOffset().DateTime));
        await driver.ConfirmOkAsync(await driver.StartOnLeaseAsync(campaign, second), new { code = "completed" });

        await driver.AdvanceToAsync(tokyoOpens.AddMinutes(-1));
        Assert.Null(await driver.NextAsync(campaign, "agent-1"));
        await driver.AdvanceToAsync(tokyoOpens);
        var third = await driver.NextOrFailAsync(campaign, "agent-1");
        Assert.Equal(tokyo, third.GetProperty("contact").GetProperty("phone").GetString());
        Assert.Equal("New", third.GetProperty("why").GetString());
    }

    // ---------------------------------------------------------------- seed 001: no contact

    [Fact]
    public async Task Seed_001_no_contact_at_10_05_is_due_at_11_05_no_contact_again_at_11_45_is_due_at_11_45_the_next_day_then_24_hours_after_each_call()
    {
        const string rome = "Europe/Rome";
        var at1005 = NextLocal(await driver.NowAsync(), rome, new TimeOnly(10, 5));
        await driver.AdvanceToAsync(at1005);
        var campaign = await driver.CreateCampaignAsync(timeZone: rome, start: "09:00", end: "20:00");
        var phone = TestValues.Phone();
        await ImportOkAsync(campaign, (phone, rome));

        // 10:05: the first call, no contact → due at 11:05.
        var first = await driver.NextOrFailAsync(campaign, "agent-1");
        Assert.Equal(1, first.GetProperty("attempt").GetInt32());
        await driver.ConfirmOkAsync(await driver.StartOnLeaseAsync(campaign, first), new { code = "no-contact" });
        Assert.Equal(1, (await driver.StatsAsync(campaign)).GetProperty("scheduled").GetInt32());

        await driver.AdvanceToAsync(at1005.AddMinutes(59));
        Assert.Null(await driver.NextAsync(campaign, "agent-1"));
        await driver.AdvanceToAsync(at1005.AddHours(1));
        var at1105 = await driver.NextOrFailAsync(campaign, "agent-1");
        Assert.Equal("Retry", at1105.GetProperty("why").GetString());
        Assert.Equal(2, at1105.GetProperty("attempt").GetInt32());

        // Not called until 11:45 (that lease lapses): no contact again → due 24 hours after this call, 11:45 the next day.
        var at1145 = at1005.AddMinutes(100);
        await driver.AdvanceToAsync(at1145);
        var second = await driver.NextOrFailAsync(campaign, "agent-1");
        Assert.Equal("Retry", second.GetProperty("why").GetString());
        await driver.ConfirmOkAsync(await driver.StartOnLeaseAsync(campaign, second), new { code = "no-contact" });

        await driver.AdvanceToAsync(at1145.AddDays(1).AddMinutes(-1));
        Assert.Null(await driver.NextAsync(campaign, "agent-1"));
        await driver.AdvanceToAsync(at1145.AddDays(1));
        var nextDay = await driver.NextOrFailAsync(campaign, "agent-1");
        Assert.Equal("Retry", nextDay.GetProperty("why").GetString());
        Assert.Equal(3, nextDay.GetProperty("attempt").GetInt32());

        // The third call happens at 12:30 that day: the next one is due 24 hours after it, not after 11:45.
        var at1230 = at1145.AddDays(1).AddMinutes(45);
        await driver.AdvanceToAsync(at1230);
        var third = await driver.NextOrFailAsync(campaign, "agent-1");
        await driver.ConfirmOkAsync(await driver.StartOnLeaseAsync(campaign, third), new { code = "no-contact" });

        await driver.AdvanceToAsync(at1230.AddDays(1).AddMinutes(-1));
        Assert.Null(await driver.NextAsync(campaign, "agent-1"));
        await driver.AdvanceToAsync(at1230.AddDays(1));
        var fourth = await driver.NextOrFailAsync(campaign, "agent-1");
        Assert.Equal("Retry", fourth.GetProperty("why").GetString());
        Assert.Equal(4, fourth.GetProperty("attempt").GetInt32());
    }

    [Fact]
    public async Task With_an_attempt_cap_of_2_the_second_no_contact_ends_calling_and_the_contact_is_done()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync(attemptCap: 2);
        await ImportOkAsync(campaign, TestValues.Phone());

        await driver.ConfirmOkAsync(await driver.DialOrFailAsync(campaign, "agent-1"), new { code = "no-contact" });
        await driver.AdvanceAsync(TimeSpan.FromHours(1));
        var second = await driver.NextOrFailAsync(campaign, "agent-1");
        Assert.Equal(2, second.GetProperty("attempt").GetInt32());
        await driver.ConfirmOkAsync(await driver.StartOnLeaseAsync(campaign, second), new { code = "no-contact" });

        var stats = await driver.StatsAsync(campaign);
        Assert.Equal(1, stats.GetProperty("done").GetInt32());
        Assert.Equal(0, stats.GetProperty("due").GetInt32());
        Assert.Equal(0, stats.GetProperty("scheduled").GetInt32());
        await driver.AdvanceAsync(TimeSpan.FromHours(25));
        Assert.Null(await driver.NextAsync(campaign, "agent-1"));
        Assert.Equal(1, (await driver.StatsAsync(campaign)).GetProperty("done").GetInt32());
    }

    // ---------------------------------------------------------------- do-not-call

    [Fact]
    public async Task A_number_on_the_do_not_call_list_is_never_handed_out_waits_as_scheduled_and_comes_back_once_taken_off()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        var phone = TestValues.Phone();
        await ImportOkAsync(campaign, phone);

        var added = await driver.Admin.PostAsJsonAsync("/api/v1/dnc", new { phone, note = "Asked not to be called" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Null(await driver.NextAsync(campaign, "agent-1"));
        await AssertStatsAsync(campaign, due: 0, scheduled: 1, leased: 0, done: 0);
        await driver.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Null(await driver.NextAsync(campaign, "agent-1"));
        await driver.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Null(await driver.NextAsync(campaign, "agent-2"));

        var removed = await driver.Admin.DeleteAsync($"/api/v1/dnc/{Uri.EscapeDataString(phone)}");
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await driver.AdvanceAsync(TimeSpan.FromMinutes(15));

        var handOut = await driver.NextOrFailAsync(campaign, "agent-1");
        Assert.Equal(phone, handOut.GetProperty("contact").GetProperty("phone").GetString());
    }

    [Fact]
    public async Task Taking_off_a_number_that_is_not_on_the_do_not_call_list_is_a_404()
    {
        await (await driver.Admin.DeleteAsync($"/api/v1/dnc/{Uri.EscapeDataString(TestValues.Phone())}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Agents_may_put_a_number_on_the_do_not_call_list_but_not_take_it_off()
    {
        var phone = TestValues.Phone();
        var path = $"/api/v1/dnc/{Uri.EscapeDataString(phone)}";

        Assert.Equal(HttpStatusCode.Created, (await Agent1.PostAsJsonAsync("/api/v1/dnc", new { phone })).StatusCode);
        await (await Agent1.DeleteAsync(path)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var entry = await driver.Admin.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal(phone, entry.GetProperty("phone").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Supervisor.DeleteAsync(path)).StatusCode);
        await (await driver.Admin.GetAsync(path)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    // ---------------------------------------------------------------- callbacks across a daylight-saving change

    [Theory]
    [InlineData("Europe/Rome")]
    [InlineData("America/New_York")]
    public async Task A_callback_agreed_on_the_Saturday_before_a_daylight_saving_change_for_10_00_local_on_Monday_is_handed_out_at_exactly_that_instant(string zone)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var sunday = NextOffsetChange(await driver.NowAsync(), tz);
        Assert.Equal(DayOfWeek.Sunday, sunday.DayOfWeek);
        var saturday = Local(sunday.AddDays(-1), new TimeOnly(10, 0), tz);
        var monday = Local(sunday.AddDays(1), new TimeOnly(10, 0), tz);
        Assert.NotEqual(TimeSpan.FromHours(48), monday - saturday);

        await driver.AdvanceToAsync(saturday);
        var campaign = await driver.CreateCampaignAsync(timeZone: zone, start: "09:00", end: "20:00");
        var phone = TestValues.Phone();
        await ImportOkAsync(campaign, (phone, zone));
        var call = await driver.DialOrFailAsync(campaign, "agent-1");
        await driver.ConfirmOkAsync(call, new { code = "callback", callbackAt = monday, callbackVisibility = "Private" });
        Assert.Equal(monday, (await driver.CallAsync(call)).GetProperty("outcome").GetProperty("callbackAt").GetDateTimeOffset());

        await driver.AdvanceToAsync(monday.AddHours(-1));
        Assert.Null(await driver.NextAsync(campaign, "agent-1"));
        await driver.AdvanceToAsync(monday.AddMinutes(-1));
        Assert.Null(await driver.NextAsync(campaign, "agent-1"));

        await driver.AdvanceToAsync(monday);
        var handOut = await driver.NextOrFailAsync(campaign, "agent-1");
        Assert.Equal("PrivateCallback", handOut.GetProperty("why").GetString());
        var local = handOut.GetProperty("contact").GetProperty("localTime").GetProperty("time").GetDateTimeOffset();
        Assert.Equal(monday, local);
        Assert.Equal(new TimeOnly(10, 0), TimeOnly.FromDateTime(local.DateTime));
        Assert.Equal(tz.GetUtcOffset(monday), local.Offset);
    }

    // ---------------------------------------------------------------- concurrency

    [Fact]
    public async Task Twenty_agents_asking_dialer_next_at_once_never_get_the_same_contact()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        var phones = Enumerable.Range(0, 100).Select(_ => TestValues.Phone()).ToArray();
        await ImportOkAsync(campaign, phones);
        var agents = Enumerable.Range(1, 20).Select(i => "agent-" + i.ToString(CultureInfo.InvariantCulture)).ToList();

        var given = new List<string>();
        for (var round = 0; round < 5; round++)
        {
            var handOuts = await Task.WhenAll(agents.Select(a => driver.NextAsync(campaign, a)));
            Assert.All(handOuts, h => Assert.NotNull(h));
            Assert.Equal(agents, handOuts.Select(h => h!.Value.GetProperty("agentId").GetString()));
            given.AddRange(handOuts.Select(h => h!.Value.GetProperty("contact").GetProperty("id").GetString()!));
        }

        Assert.Equal(100, given.Distinct().Count());
        var sixth = await Task.WhenAll(agents.Select(a => driver.NextAsync(campaign, a)));
        Assert.All(sixth, h => Assert.Null(h));
        Assert.Equal(100, (await driver.StatsAsync(campaign)).GetProperty("leased").GetInt32());
    }

    // ---------------------------------------------------------------- stats

    [Fact]
    public async Task Dialer_stats_count_due_scheduled_leased_and_done_as_contacts_move()
    {
        await driver.AlignToMorningAsync();
        var campaign = await driver.CreateCampaignAsync();
        await ImportOkAsync(campaign, TestValues.Phone(), TestValues.Phone(), TestValues.Phone(), TestValues.Phone());
        await AssertStatsAsync(campaign, due: 4, scheduled: 0, leased: 0, done: 0);

        var a = await driver.NextOrFailAsync(campaign, "agent-1");
        await AssertStatsAsync(campaign, due: 3, scheduled: 0, leased: 1, done: 0);
        await driver.ConfirmOkAsync(await driver.StartOnLeaseAsync(campaign, a), new { code = "no-contact" });
        await AssertStatsAsync(campaign, due: 3, scheduled: 1, leased: 0, done: 0);

        await driver.ConfirmOkAsync(await driver.DialOrFailAsync(campaign, "agent-1"), new { code = "completed" });
        await AssertStatsAsync(campaign, due: 2, scheduled: 1, leased: 0, done: 1);

        await driver.NextOrFailAsync(campaign, "agent-2");
        await AssertStatsAsync(campaign, due: 1, scheduled: 1, leased: 1, done: 1);
        await driver.AdvanceAsync(TimeSpan.FromMinutes(2));
        await AssertStatsAsync(campaign, due: 2, scheduled: 1, leased: 0, done: 1);
        await driver.AdvanceAsync(TimeSpan.FromMinutes(58));
        await AssertStatsAsync(campaign, due: 3, scheduled: 0, leased: 0, done: 1);
    }

    // ---------------------------------------------------------------- bad input

    [Fact]
    public async Task Bad_dialer_input_is_a_400_naming_the_field_and_unknown_campaigns_are_404()
    {
        var campaign = await driver.CreateCampaignAsync();
        await ImportOkAsync(campaign, TestValues.Phone());

        await AssertNamesAsync(await driver.Admin.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/dialer/next", new { }), "agentId");
        await AssertNamesAsync(await driver.Admin.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/dialer/next", new { agentId = "agent 1!" }), "agentId");
        await AssertNamesAsync(await driver.Admin.PostAsJsonAsync("/api/v1/dnc", new { phone = "12345" }), "phone");
        await AssertNamesAsync(await driver.Admin.DeleteAsync("/api/v1/dnc/12345"), "phone");
        await AssertNamesAsync(await driver.Admin.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/leads", Array.Empty<object>()), "leads");
        await AssertNamesAsync(await PostCsvAsync(driver.Admin, campaign, "name,email\nAnna,anna@example.it\n"), "csv.header");
        await AssertNamesAsync(
            await driver.Admin.PostAsync($"/api/v1/campaigns/{campaign}/leads", new StringContent("{\"phone\":\"+15551234567\"}", Encoding.UTF8, "application/json")),
            "body");

        await (await Agent1.PostAsJsonAsync($"/api/v1/campaigns/{campaign}/dialer/next", new { agentId = "agent-2" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var unknown = "no-such-campaign-" + TestValues.Letters(8);
        await (await driver.Admin.PostAsJsonAsync($"/api/v1/campaigns/{unknown}/dialer/next", new { agentId = "agent-1" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await driver.Admin.GetAsync($"/api/v1/campaigns/{unknown}/dialer/stats")).AssertProblemAsync(HttpStatusCode.NotFound);

        await AssertStatsAsync(campaign, due: 1, scheduled: 0, leased: 0, done: 0);
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>The first instant after <paramref name="after"/> when the wall clock in <paramref name="zone"/> reads <paramref name="time"/>.</summary>
    private static DateTimeOffset NextLocal(DateTimeOffset after, string zone, TimeOnly time)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, tz).DateTime);
        for (var day = 0; day < 3; day++)
        {
            var instant = Local(date.AddDays(day), time, tz);
            if (instant > after)
            {
                return instant;
            }
        }

        throw new InvalidOperationException("A wall-clock time comes round within three days.");
    }

    private static DateTimeOffset Local(DateOnly date, TimeOnly time, TimeZoneInfo tz)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, tz.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The local date of the next day whose UTC offset differs from the day before's (a daylight-saving change).</summary>
    private static DateOnly NextOffsetChange(DateTimeOffset after, TimeZoneInfo tz)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(after, tz).DateTime).AddDays(2);
        for (var i = 0; i < 400; i++, day = day.AddDays(1))
        {
            if (tz.GetUtcOffset(day.ToDateTime(new TimeOnly(12, 0))) != tz.GetUtcOffset(day.AddDays(-1).ToDateTime(new TimeOnly(12, 0))))
            {
                return day;
            }
        }

        throw new InvalidOperationException($"{tz.Id} has no daylight-saving change within a year.");
    }

    private async Task ImportOkAsync(string campaign, params string[] phones) =>
        await ImportOkAsync(campaign, phones.Select(p => (p, (string?)null)).ToArray());

    private async Task ImportOkAsync(string campaign, params (string Phone, string? TimeZone)[] leads)
    {
        var response = await driver.ImportAsync(campaign, leads.Select(l => (object)new { name = "Lead " + l.Phone, phone = l.Phone, timeZone = l.TimeZone }).ToArray());
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(leads.Length, body.GetProperty("imported").GetInt32());
    }

    /// <summary>dialer/next, checked to hand out the lead with <paramref name="phone"/>, and a call on it.</summary>
    private async Task<string> DialExpectingAsync(string campaign, string agentId, string phone)
    {
        var handOut = await driver.NextOrFailAsync(campaign, agentId);
        Assert.Equal(phone, handOut.GetProperty("contact").GetProperty("phone").GetString());
        return await driver.StartOnLeaseAsync(campaign, handOut);
    }

    private async Task AssertStatsAsync(string campaign, int due, int scheduled, int leased, int done)
    {
        var stats = await driver.StatsAsync(campaign);
        Assert.Equal(
            (due, scheduled, leased, done),
            (stats.GetProperty("due").GetInt32(), stats.GetProperty("scheduled").GetInt32(), stats.GetProperty("leased").GetInt32(), stats.GetProperty("done").GetInt32()));
    }

    private static Task<HttpResponseMessage> PostCsvAsync(HttpClient client, string campaign, string csv) =>
        client.PostAsync($"/api/v1/campaigns/{campaign}/leads", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static async Task AssertNamesAsync(HttpResponseMessage response, string field)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors?.ContainsKey(field) == true, $"the 400 does not name '{field}' but {string.Join(", ", problem.Errors?.Keys.ToList() ?? [])}");
    }

    private async Task<string> CustomerAsync(string phone)
    {
        var response = await driver.Admin.PostAsJsonAsync("/api/v1/customers", new { name = "Nadia Ferri", email = TestValues.Letters(10) + "@example.it", phone, timeZone = "Europe/Rome" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
