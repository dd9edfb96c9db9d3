using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Grains;
using OrleansCrm.Grains.Calls;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// An outcome interrupted halfway on PostgreSQL — a storage call failing between the contact's commit and the call's,
/// or the contact's index write failing — is finished: by the agent's retry (also in a new process, as after a silo
/// was killed), or without one by the call's own due work, and what derives from it (crm_calls, crm_contacts, the
/// dialer) ends at the state's version.
/// </summary>
public sealed class HalfDoneOutcomeTests : IAsyncLifetime
{
    private const string Agent = "agent-anna";
    private static readonly object Sale = new { code = "sale", label = "Sale", type = "N", color = "#00897B" };
    private static readonly object SaleOutcome = new { code = "sale", comment = "Bought the cream" };

    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateMigratedAsync("halfdone");

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task When_the_call_fails_to_store_after_the_contact_committed_the_agents_retry_in_a_new_process_completes_the_outcome_once()
    {
        var faults = new StorageFaults();
        string campaign, callId, contactId;
        await using (var first = new WorkflowApiFactory(database.ConnectionString, faults))
        {
            var driver = new CallDriver(first.Admin());
            (campaign, callId, contactId) = await DialOneLeadAsync(driver);
            faults.FailOnce(StorageFaults.StateWrite(StorageNames.CallState), ConfirmedWriteOf(callId));

            var failed = await driver.OutcomeAsync(callId, SaleOutcome);

            Assert.False(failed.IsSuccessStatusCode);
            Assert.Equal(0, faults.Pending);
            Assert.Equal("Done/1", await ContactRowAsync(campaign, contactId));
            Assert.Equal(0, await CallRowsAsync(callId));
        }

        // A new process, as after the silo was killed: the call's intent is all that is left of the confirmation.
        await using var second = new WorkflowApiFactory(database.ConnectionString);
        var again = new CallDriver(second.Admin());
        var retried = await again.OutcomeAsync(callId, SaleOutcome);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await AssertConfirmedAsync(again, callId, campaign, contactId);
    }

    [Fact]
    public async Task When_the_call_fails_to_store_after_the_contact_committed_and_nobody_retries_the_calls_due_work_finishes_the_outcome()
    {
        var faults = new StorageFaults();
        await using var api = new WorkflowApiFactory(database.ConnectionString, faults);
        var driver = new CallDriver(api.Admin());
        var (campaign, callId, contactId) = await DialOneLeadAsync(driver);
        faults.FailOnce(StorageFaults.StateWrite(StorageNames.CallState), ConfirmedWriteOf(callId));
        Assert.False((await driver.OutcomeAsync(callId, SaleOutcome)).IsSuccessStatusCode);
        Assert.Equal(0, await CallRowsAsync(callId));

        // Nothing touches the call: only its due work, one retry period later, can finish it.
        await driver.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, await CallRowsAsync(callId, "status = 'Confirmed' AND outcome_code = 'sale'"));
        await AssertConfirmedAsync(driver, callId, campaign, contactId);
    }

    [Fact]
    public async Task A_retried_outcome_after_a_failed_contact_index_write_leaves_crm_contacts_and_the_dialer_at_the_contacts_state()
    {
        var faults = new StorageFaults();
        await using var api = new WorkflowApiFactory(database.ConnectionString, faults);
        var driver = new CallDriver(api.Admin());
        var (campaign, callId, contactId) = await DialOneLeadAsync(driver);
        faults.FailOnce(StorageFaults.ContactIndex, subject => subject is DialerContact { Attempts: 1 } c && c.ContactId == contactId);

        Assert.False((await driver.OutcomeAsync(callId, SaleOutcome)).IsSuccessStatusCode);
        Assert.Equal("Fresh/0", await ContactRowAsync(campaign, contactId));

        var retried = await driver.OutcomeAsync(callId, SaleOutcome);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await AssertConfirmedAsync(driver, callId, campaign, contactId);
    }

    /// <summary>A campaign with one lead, handed out to the agent and called: (campaign, call id, contact id).</summary>
    private static async Task<(string Campaign, string CallId, string ContactId)> DialOneLeadAsync(CallDriver driver)
    {
        var campaign = await driver.CreateCampaignAsync(outcomes: [Sale]);
        await driver.AddLeadAsync(campaign, TestValues.Phone(), name: "Lucia Verdi");
        var dialed = await driver.DialAsync(campaign, Agent);
        Assert.NotNull(dialed);
        return (campaign, dialed.Value.CallId, dialed.Value.ContactId);
    }

    private static Func<object, bool> ConfirmedWriteOf(string callId) =>
        subject => subject is CallState { Call: { Status: CallStatus.Confirmed } call } && call.Id == callId;

    /// <summary>The call confirmed with its outcome, agent and comment, in crm_calls once; the contact done after one attempt, in crm_contacts and in the dialer.</summary>
    private async Task AssertConfirmedAsync(CallDriver driver, string callId, string campaign, string contactId)
    {
        var call = await driver.CallAsync(callId);
        Assert.Equal("Confirmed", call.GetProperty("status").GetString());
        Assert.Equal(Agent, call.GetProperty("agentId").GetString());
        var outcome = call.GetProperty("outcome");
        Assert.Equal("sale", outcome.GetProperty("code").GetString());
        Assert.Equal("Bought the cream", outcome.GetProperty("comment").GetString());

        Assert.Equal(1, await CallRowsAsync(callId, $"status = 'Confirmed' AND outcome_code = 'sale' AND agent_id = '{Agent}' AND comment = 'Bought the cream'"));
        Assert.Equal("Done/1", await ContactRowAsync(campaign, contactId));
        var stats = await driver.StatsAsync(campaign);
        Assert.Equal((0, 1, 1), (stats.GetProperty("leased").GetInt32(), stats.GetProperty("done").GetInt32(), stats.GetProperty("total").GetInt32()));

        // Confirming once more is the conflict it always was, and changes nothing.
        Assert.Equal(HttpStatusCode.Conflict, (await driver.OutcomeAsync(callId, SaleOutcome)).StatusCode);
        Assert.Equal("Done/1", await ContactRowAsync(campaign, contactId));
    }

    private Task<long> CallRowsAsync(string callId, string where = "true") =>
        database.ScalarAsync<long>($"SELECT count(*) FROM crm_calls WHERE call_id = '{callId}' AND {where}");

    private Task<string> ContactRowAsync(string campaign, string contactId) =>
        database.ScalarAsync<string>($"SELECT stage || '/' || attempts FROM crm_contacts WHERE campaign_id = '{campaign}' AND contact_id = '{contactId}'");
}
