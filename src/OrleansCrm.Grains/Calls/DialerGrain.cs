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
/// themselves are persisted by their own grains, which tell the dialer every change, and an import stores its new
/// contacts in the index in one write per chunk (their grains read them from there). Every lease is stored before it is
/// answered (<see cref="IDialerLeaseStore"/>): a dialer that reactivates holds the same contacts for the same agents.
/// Reentrant: every change to the queue happens between awaits (a hand-out is leased before the do-not-call
/// check is awaited), so while one hand-out waits for that check, the next agent is served.
/// </summary>
[Reentrant]
[CollectionAgeLimit(Hours = 8)]
public sealed class DialerGrain(
    CrmClock clock,
    IContactIndex index,
    IDialerLeaseStore leases,
    IOptions<CallOptions> options)
    : Grain, IDialerGrain
{
    /// <summary>
    /// At most this many contacts are passed over in one hand-out (blocked numbers set aside, contacts of orders marked
    /// already paid ended) before it answers "nothing now".
    /// </summary>
    private const int MaxSetAsidePerHandOut = 100;

    /// <summary>How often an active dialer publishes its queue depth to the <c>crm.dialer.queue</c> gauge.</summary>
    private static readonly TimeSpan QueueDepthPeriod = TimeSpan.FromSeconds(5);

    private DialerQueue queue = null!;
    private DialerQueueDepth? queueDepth;
    private Campaign? campaign;

    /// <summary>The last import sequence given out: fresh leads are numbered in import order, and the number is stored with each contact.</summary>
    private long lastImportSequence;

    /// <summary>The ids and phones of leads an import is storing now (another import in the meantime takes them as already there).</summary>
    private readonly HashSet<string> importingIds = new(StringComparer.Ordinal);

    private readonly HashSet<string> importingPhones = new(StringComparer.Ordinal);

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

        var now = clock.GetUtcNow();
        foreach (var (lease, contactVersion) in await leases.ListAsync(CampaignId, cancellationToken))
        {
            queue.Restore(lease, contactVersion, now);
        }

        queueDepth = CrmMetrics.TrackDialerQueue();
        this.RegisterGrainTimer(PublishQueueDepth, new GrainTimerCreationOptions(TimeSpan.Zero, QueueDepthPeriod) { Interleave = true });
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        queueDepth?.Dispose();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    private Task PublishQueueDepth()
    {
        queueDepth?.Publish(queue.Stats(clock.GetUtcNow()));
        return Task.CompletedTask;
    }

    public async Task<ImportedLeads> ImportAsync(IReadOnlyList<(int Row, Lead Lead)> leads)
    {
        var timeZone = RequireCampaign().TimeZone!;
        var now = clock.GetUtcNow();
        var already = new List<int>();
        var fresh = new List<(int Row, DialerContact Contact)>(leads.Count);
        try
        {
            foreach (var (row, lead) in leads)
            {
                if (queue.Contains(lead.Id!) || queue.HasPhone(lead.Phone!) || importingIds.Contains(lead.Id!) || importingPhones.Contains(lead.Phone!))
                {
                    already.Add(row);
                    continue;
                }

                importingIds.Add(lead.Id!);
                importingPhones.Add(lead.Phone!);
                fresh.Add((row, DialerContact.Fresh(CampaignId, lead, timeZone, now, ++lastImportSequence)));
            }

            // One write for the chunk: a lead whose id is stored already (in the index, not in this queue) is reported, not changed.
            var stored = (await index.AddNewAsync(fresh.ConvertAll(f => f.Contact))).ToHashSet(StringComparer.Ordinal);
            var imported = 0;
            foreach (var (row, contact) in fresh)
            {
                if (stored.Contains(contact.ContactId))
                {
                    queue.Upsert(contact);
                    imported++;
                }
                else
                {
                    already.Add(row);
                }
            }

            already.Sort();
            return new ImportedLeads(imported, already);
        }
        finally
        {
            foreach (var (_, contact) in fresh)
            {
                importingIds.Remove(contact.ContactId);
                importingPhones.Remove(contact.Phone);
            }
        }
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

            await SaveLeaseAsync(handOut);
            CrmMetrics.HandedOut(handOut.Lease.Why);
            return handOut;
        }

        return null;
    }

    public async Task<DialerHandOut> StartCallAsync(string leaseId, string agentId, string callId)
    {
        var now = clock.GetUtcNow();
        var started = queue.StartCall(leaseId, agentId, callId, now, now + options.Value.OpenCallTimeout);
        await leases.SaveAsync(CampaignId, started.Lease, started.Contact.Version);
        return started;
    }

    public async Task<DialerHandOut> StartDirectCallAsync(string contactId, string agentId, string callId)
    {
        var now = clock.GetUtcNow();
        var started = queue.StartDirectCall(contactId, agentId, callId, now, now + options.Value.OpenCallTimeout);
        await leases.SaveAsync(CampaignId, started.Lease, started.Contact.Version);
        return started;
    }

    public async Task ReleaseAsync(string contactId, string callId)
    {
        if (queue.Release(contactId, callId) is { } released)
        {
            await leases.RemoveAsync(CampaignId, contactId, released.LeaseId);
        }
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

    public Task ReloadAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>The lease is stored before the agent has it; when it cannot be, the contact goes back to the queue and the agent asks again.</summary>
    private async Task SaveLeaseAsync(DialerHandOut handOut)
    {
        try
        {
            await leases.SaveAsync(CampaignId, handOut.Lease, handOut.Contact.Version);
        }
        catch
        {
            queue.GiveBack(handOut.Contact.ContactId, handOut.Lease.LeaseId);
            throw;
        }
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
