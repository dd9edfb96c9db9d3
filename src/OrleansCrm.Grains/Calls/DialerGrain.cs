using OrleansCrm.Grains.Telemetry;
using OrleansCrm.Contracts.Scheduling;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Common;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Grains.Calls;

/// <summary>
/// A campaign's dialer. Its queue lives in memory, rebuilt from the contact index on activation; the contacts
/// themselves are persisted by their own grains, which tell the dialer every change. Leases are memory only:
/// after a restart every contact is simply back in the queue.
/// Reentrant: every change to the queue happens between awaits (a hand-out is leased before the do-not-call
/// check is awaited), so while one hand-out waits for that check, the next agent is served.
/// </summary>
[Reentrant]
[CollectionAgeLimit(Hours = 8)]
public sealed class DialerGrain(
    CrmClock clock,
    IContactIndex index,
    IOptions<CallOptions> options)
    : Grain, IDialerGrain
{
    /// <summary>
    /// At most this many contacts are passed over in one hand-out (blocked numbers set aside, contacts of orders marked
    /// already paid ended) before it answers "nothing now".
    /// </summary>
    private const int MaxSetAsidePerHandOut = 100;

    /// <summary>How many contacts are created at once during an import.</summary>
    private const int ImportParallelism = 32;

    private DialerQueue queue = null!;
    private Campaign? campaign;

    /// <summary>The last import sequence given out: fresh leads are numbered in import order, and the number is stored with each contact.</summary>
    private long lastImportSequence;

    private string CampaignId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        campaign = await LoadCampaignAsync();
        queue = new DialerQueue(campaign?.CallingHours ?? CallingHours.Default, Grace(campaign));
        foreach (var contact in await index.ListAsync(CampaignId, cancellationToken))
        {
            queue.Upsert(contact);
            lastImportSequence = Math.Max(lastImportSequence, contact.ImportSequence);
        }
    }

    public async Task<ImportedLeads> ImportAsync(IReadOnlyList<(int Row, Lead Lead)> leads)
    {
        var timeZone = RequireCampaign().TimeZone!;
        var now = clock.GetUtcNow();
        var already = new List<int>();
        var fresh = new List<DialerContact>();
        foreach (var (row, lead) in leads)
        {
            if (queue.Contains(lead.Id!) || queue.HasPhone(lead.Phone!))
            {
                already.Add(row);
                continue;
            }

            fresh.Add(DialerContact.Fresh(CampaignId, lead, timeZone, now, ++lastImportSequence));
        }

        var created = new bool[fresh.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, fresh.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ImportParallelism, TaskScheduler = TaskScheduler.Current },
            async (i, _) => created[i] = await GrainFactory.GetGrain<IContactGrain>(ContactKeys.For(CampaignId, fresh[i].ContactId)).CreateAsync(fresh[i]));

        var imported = 0;
        for (var i = 0; i < fresh.Count; i++)
        {
            if (created[i])
            {
                queue.Upsert(fresh[i]);
                imported++;
            }
            else
            {
                already.Add(leads.First(l => l.Lead.Id == fresh[i].ContactId).Row);
            }
        }

        already.Sort();
        return new ImportedLeads(imported, already);
    }

    public async Task<DialerHandOut?> NextAsync(string agentId)
    {
        RequireCampaign();
        var now = clock.GetUtcNow();
        for (var setAside = 0; setAside < MaxSetAsidePerHandOut; setAside++)
        {
            var handOut = queue.Next(agentId, now, LetterIds.New("lease"), options.Value.LeaseDuration);
            if (handOut is null)
            {
                return null;
            }

            // The do-not-call list is checked at hand-out time, every time.
            if (await DoNotCall.List(GrainFactory).IsBlockedAsync(handOut.Contact.Phone))
            {
                queue.SetAside(handOut.Contact.ContactId, now + DialerQueue.BlockedRecheck);
                continue;
            }

            // So is the order's Already paid mark: it may have been set in another campaign since the import.
            if (await IsAlreadyPaidAsync(handOut.Contact))
            {
                queue.Upsert(await GrainFactory.GetGrain<IContactGrain>(ContactKeys.For(CampaignId, handOut.Contact.ContactId)).EndAsync(BuiltInOutcomes.AlreadyPaid));
                continue;
            }

            CrmMetrics.HandedOut(handOut.Lease.Why);
            return handOut;
        }

        return null;
    }

    public Task<DialerHandOut> StartCallAsync(string leaseId, string agentId, string callId)
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(queue.StartCall(leaseId, agentId, callId, now, now + options.Value.OpenCallTimeout));
    }

    public Task<DialerHandOut> StartDirectCallAsync(string contactId, string agentId, string callId)
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(queue.StartDirectCall(contactId, agentId, callId, now, now + options.Value.OpenCallTimeout));
    }

    public Task ReleaseAsync(string contactId, string callId)
    {
        queue.Release(contactId, callId);
        return Task.CompletedTask;
    }

    public Task ContactChangedAsync(DialerContact contact)
    {
        queue.Upsert(contact);
        return Task.CompletedTask;
    }

    public Task<DialerStats> StatsAsync()
    {
        RequireCampaign();
        return Task.FromResult(queue.Stats(clock.GetUtcNow()));
    }

    public Task<DueByStage> DueByStageAsync()
    {
        RequireCampaign();
        return Task.FromResult(queue.DueNowByStage(clock.GetUtcNow()));
    }

    public async Task CampaignChangedAsync()
    {
        campaign = await LoadCampaignAsync();
        queue.Reconfigure(campaign?.CallingHours ?? CallingHours.Default, Grace(campaign));
    }

    private async Task<bool> IsAlreadyPaidAsync(DialerContact contact) =>
        contact.OrderNumber is { } number && await GrainFactory.GetGrain<IOrderGrain>(number).GetCallingFactsAsync() is { AlreadyPaidAt: not null };

    /// <summary>The campaign as the dialer last read it; a dialer of a campaign that does not exist refuses everything.</summary>
    private Campaign RequireCampaign() => campaign ?? throw DomainException.NotFound("Campaign", CampaignId);

    private async Task<Campaign?> LoadCampaignAsync() =>
        (await GrainFactory.GetGrain<ICampaignGrain>(CampaignId).GetAsync())?.Value;

    private static TimeSpan Grace(Campaign? campaign) =>
        TimeSpan.FromMinutes((campaign?.RetryPolicy ?? RetryPolicy.Default).WithDefaults().PrivateCallbackGraceMinutes!.Value);
}
