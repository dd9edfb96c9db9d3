using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using OrleansCrm.Contracts;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts.Shop;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Grains.Shop;

/// <summary>
/// One run of the nightly validation: the shop sync first, then every link that is pending or invalid judged, with
/// every other link to the same order (two calls on one order are both invalid, and valid again when one is
/// corrected); each verdict is recorded on its call, into the link's history. Nothing is kept here: the job holds
/// the run, and a run handed out again after it finished finds it closed and does nothing. It is placed on the silo
/// of the job that hands it out: losing that silo loses both, and the job, reactivated elsewhere from its state,
/// hands the run out again there when it counts as stalled.
/// </summary>
[PreferLocalPlacement]
public sealed partial class LinkedOrderValidationRunGrain(
    CrmClock clock,
    IShopOrderSync sync,
    IShopOrderStore shopOrders,
    ILinkedOrderIndex links,
    ShopStores stores,
    IOptions<LinkedOrderValidationOptions> options,
    ILogger<LinkedOrderValidationRunGrain> logger)
    : Grain, ILinkedOrderValidationRunGrain
{
    private string RunId => this.GetPrimaryKeyString();

    public async Task RunAsync()
    {
        var job = GrainFactory.GetGrain<ILinkedOrderValidationJobGrain>(ShopJobs.LinkedOrderValidation);
        if (await job.OpenRunAsync(RunId) is not { } open)
        {
            return;
        }

        ShopSyncResult synced;
        try
        {
            synced = await sync.SyncAsync(open.SyncedUpTo, clock.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            synced = new ShopSyncResult(0, open.SyncedUpTo, ex.Message);
        }

        if (synced.Error is { } error)
        {
            LogSyncFailed(RunId, error);
        }

        var coveredUpTo = synced.Error is null ? synced.Watermark : open.SyncedUpTo;
        var tally = await JudgeAllAsync(coveredUpTo);
        var run = open.Run with
        {
            FinishedAt = clock.GetUtcNow(),
            LinksChecked = tally.Checked,
            Valid = tally.Valid,
            Invalid = tally.Invalid,
            AwaitingSync = tally.Awaiting,
            Errors = tally.Errors,
            OrdersSynced = synced.Orders,
            SyncWatermark = synced.Error is null ? synced.Watermark : open.SyncedUpTo,
            SyncError = synced.Error,
        };
        LogRunFinished(RunId, run.LinksChecked, run.Valid, run.Invalid, run.AwaitingSync, run.Errors);
        await job.RunFinishedAsync(run);
    }

    private async Task<Tally> JudgeAllAsync(DateTimeOffset? coveredUpTo)
    {
        var groups = (await links.AllAsync())
            .GroupBy(l => l.Chain)
            .Where(g => g.Any(l => l.Status != nameof(LinkStatus.Valid)))
            .ToList();
        var chains = (await shopOrders.ChainsAsync([.. groups.Select(g => g.Key)])).ToLookup(o => o.ChainKey);
        var shopUsers = await ShopUsersAsync(groups.SelectMany(g => g).Select(l => l.AgentId).Distinct(StringComparer.Ordinal));
        var now = clock.GetUtcNow();

        var tally = new Tally();
        var work = groups.SelectMany(g => g.Select(link => (Link: link, Calls: g.Count(), Chain: chains[g.Key].ToList())));
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, TaskScheduler = TaskScheduler.Current }, async (item, _) =>
        {
            var (link, calls, chain) = item;
            var verdict = LinkedOrderValidator.Judge(
                new LinkToJudge(link.CallId, new ShopOrderKey(link.StoreCode, link.IncrementId), shopUsers[link.AgentId], link.CallStart, link.CallEnd), chain, calls, coveredUpTo);
            var judged = verdict.JudgedOrder;
            var viewUrl = verdict.Status == LinkStatus.Valid && judged is not null ? stores.Find(judged.StoreCode)?.ViewUrl(judged) : null;
            var judgement = new LinkJudgement(link.SetAt, new LinkVerdictEntry(RunId, now, verdict.Status, verdict.Reasons), judged?.IncrementId, judged?.ShopOrderId, viewUrl);
            try
            {
                if (await GrainFactory.GetGrain<ICallGrain>(link.CallId).RecordLinkVerdictAsync(judgement))
                {
                    tally.Count(verdict.Status);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                tally.Failed();
                LogVerdictFailed(ex, RunId, link.CallId);
            }
        });

        return tally;
    }

    /// <summary>Each agent's shop user (their own id when their profile names none).</summary>
    private async Task<Dictionary<string, string>> ShopUsersAsync(IEnumerable<string> agentIds)
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var agentId in agentIds)
        {
            users[agentId] = (await GrainFactory.GetGrain<IAgentGrain>(agentId).GetProfileAsync()).ShopUser ?? agentId;
        }

        return users;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Linked-order validation run {RunId}: the shop sync failed ({Error}); the previous watermark is kept")]
    private partial void LogSyncFailed(string runId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Linked-order validation run {RunId}: {Checked} links checked, {Valid} valid, {Invalid} invalid, {Awaiting} awaiting sync, {Errors} errors")]
    private partial void LogRunFinished(string runId, int @checked, int valid, int invalid, int awaiting, int errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Linked-order validation run {RunId}: the verdict on call {CallId} could not be recorded")]
    private partial void LogVerdictFailed(Exception exception, string runId, string callId);

    /// <summary>The run's figures, counted from parallel verdicts.</summary>
    private sealed class Tally
    {
        private int valid;
        private int invalid;
        private int awaiting;
        private int errors;

        public int Valid => valid;

        public int Invalid => invalid;

        public int Awaiting => awaiting;

        public int Errors => errors;

        public int Checked => valid + invalid + awaiting + errors;

        public void Count(LinkStatus status) => _ = status switch
        {
            LinkStatus.Valid => Interlocked.Increment(ref valid),
            LinkStatus.Invalid => Interlocked.Increment(ref invalid),
            _ => Interlocked.Increment(ref awaiting),
        };

        public void Failed() => Interlocked.Increment(ref errors);
    }
}
