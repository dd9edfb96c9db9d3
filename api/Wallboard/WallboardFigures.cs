using System.Globalization;
using Microsoft.Extensions.Options;
using OrleansCrm.Contracts;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts.Wallboard;
using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Wallboard;

/// <summary>
/// Builds the wallboard from what exists: the confirmed calls of the read model (the outcome report's table, one query
/// per span), the dialers' stats, the campaigns' catalogs and thresholds, and who is on a call now (the agent activity grain).
/// </summary>
public sealed class WallboardFigures(IGrainFactory grains, ICallDirectory calls, CrmClock clock, IOptions<WallboardOptions> options)
{
    public async Task<WallboardView> BuildAsync(IReadOnlyList<string> campaignIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var campaigns = await Task.WhenAll(campaignIds.Select(async id =>
            (Id: id, Campaign: (await grains.GetGrain<ICampaignGrain>(id).GetAsync())?.Value ?? throw DomainException.NotFound("Campaign", id))));
        var stats = await Task.WhenAll(campaignIds.Select(id => grains.GetGrain<IDialerGrain>(id).StatsAsync()));
        var stages = await Task.WhenAll(campaignIds.Select(id => grains.GetGrain<IDialerGrain>(id).DueByStageAsync()));
        var activity = await grains.GetGrain<IAgentActivityGrain>(IAgentActivityGrain.Key).AgentsAsync();

        var zones = campaigns.ToDictionary(c => c.Id, c => TimeZoneInfo.FindSystemTimeZoneById(c.Campaign.TimeZone ?? "UTC"));
        var dayStarts = campaigns.ToDictionary(c => c.Id, c => DayStart(now, zones[c.Id]));
        var spans = dayStarts.Values.Distinct().ToDictionary(start => start, start => calls.TalliesAsync(start, Until(now), campaignIds, cancellationToken));
        var lastHour = calls.TalliesAsync(now.AddHours(-1), Until(now), campaignIds, cancellationToken);
        var last15 = calls.TalliesAsync(now.AddMinutes(-15), Until(now), campaignIds, cancellationToken);
        await Task.WhenAll([.. spans.Values, lastHour, last15]);

        var boardStart = dayStarts[campaignIds[0]];
        var today = spans[boardStart].Result;
        var board = campaignIds.ToHashSet(StringComparer.Ordinal);
        var agents = Agents(today.Where(t => board.Contains(t.CampaignId)).ToList(), activity, board, now);

        var tiles = new List<CampaignTileView>();
        for (var i = 0; i < campaigns.Length; i++)
        {
            var (id, campaign) = campaigns[i];
            var ofToday = spans[dayStarts[id]].Result.Where(t => t.CampaignId == id).ToList();
            var ofHour = lastHour.Result.Where(t => t.CampaignId == id).ToList();
            var of15 = last15.Result.Where(t => t.CampaignId == id).ToList();
            var mine = activity.Agents.Where(a => a.LastCampaignId == id).ToList();
            var inCall = mine.Count(a => a.CallId is not null);
            var idle = mine.Count(a => a.CallId is null && a.LastEndedAt is { } ended && now - ended <= options.Value.IdleWindow);
            var (s, d) = (stats[i], stages[i]);
            var queue = new QueueView(d.PrivateCallbacks, d.PublicCallbacks, d.Retries, d.New, s.Due, s.Leased, s.Scheduled, s.Done);
            var hourRates = Rates(ofHour, campaign);
            var (status, reasons) = Status(campaign.WallboardThresholds(), queue, idle, hourRates);
            var local = TimeZoneInfo.ConvertTime(now, zones[id]);
            tiles.Add(new CampaignTileView(
                id, campaign.Name, campaign.TimeZone ?? "UTC", local.ToString("HH:mm", CultureInfo.InvariantCulture), dayStarts[id], queue,
                of15.Sum(t => t.Count), Bar(of15), Rates(ofToday, campaign), hourRates, inCall, idle, status, reasons));
        }

        return new WallboardView(now, campaigns[0].Campaign.TimeZone ?? "UTC", boardStart, agents, tiles);
    }

    /// <summary>The end of a span that takes in a call ended at <paramref name="now"/>: one microsecond later (PostgreSQL keeps microseconds).</summary>
    private static DateTimeOffset Until(DateTimeOffset now) => now.AddTicks(TimeSpan.TicksPerMicrosecond);

    /// <summary>Midnight of the day <paramref name="now"/> falls on in <paramref name="zone"/>, as an instant.</summary>
    public static DateTimeOffset DayStart(DateTimeOffset now, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime.Date;
        var offset = zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddHours(1)) : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private IReadOnlyList<AgentRowView> Agents(IReadOnlyList<CallTally> today, AgentActivity activity, HashSet<string> board, DateTimeOffset now)
    {
        var known = activity.Agents.Where(a => board.Contains(a.LastCampaignId)).ToDictionary(a => a.AgentId, StringComparer.Ordinal);
        var ids = today.Select(t => t.AgentId).Concat(known.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return ids.Select(id =>
        {
            var mine = today.Where(t => t.AgentId == id).ToList();
            known.TryGetValue(id, out var current);
            var state = current switch
            {
                { CallId: not null } => "in-call",
                { LastEndedAt: { } ended } when now - ended <= options.Value.IdleWindow => "idle",
                _ => "signed-out",
            };
            return new AgentRowView(id, state, current?.CallStartedAt, current?.CampaignId, mine.Sum(t => t.Count), (int)mine.Sum(t => t.TalkTime.TotalSeconds), Bar(mine));
        }).ToList();
    }

    /// <summary>Counts by outcome code (over campaigns and agents), with the latest label and color, biggest first.</summary>
    private static IReadOnlyList<WallboardOutcomeView> Bar(IReadOnlyList<CallTally> tallies) =>
        tallies.GroupBy(t => t.OutcomeCode, StringComparer.Ordinal)
            .Select(g => new WallboardOutcomeView(g.Key, g.First().OutcomeLabel, g.First().OutcomeColor, g.Sum(t => t.Count)))
            .OrderByDescending(o => o.Count).ThenBy(o => o.Code, StringComparer.Ordinal)
            .ToList();

    private static RatesView Rates(IReadOnlyList<CallTally> tallies, Campaign campaign)
    {
        var catalog = campaign.Outcomes.Where(o => o.Code is not null).ToDictionary(o => o.Code!, StringComparer.Ordinal);
        int count = 0, contacts = 0, sales = 0;
        foreach (var t in tallies)
        {
            count += t.Count;
            var outcome = catalog.GetValueOrDefault(t.OutcomeCode);
            var (contact, sale) = outcome is null ? Outcome.DefaultFlags(t.OutcomeCode, null) : (outcome.CountsAsHumanContact, outcome.CountsAsSale);
            contacts += contact ? t.Count : 0;
            sales += sale ? t.Count : 0;
        }

        return new RatesView(count, contacts, sales, count == 0 ? null : Math.Round((double)contacts / count, 4), contacts == 0 ? null : Math.Round((double)sales / contacts, 4));
    }

    /// <summary>Red or amber when contacts wait with no idle agent, or the last hour reached too few people; the worse wins.</summary>
    public static (string Status, IReadOnlyList<string> Reasons) Status(WallboardThresholds t, QueueView queue, int idleAgents, RatesView lastHour)
    {
        var reasons = new List<string>();
        var level = 0;
        if (idleAgents == 0 && queue.Due >= t.DueAmber)
        {
            reasons.Add("due-waiting");
            level = Math.Max(level, queue.Due >= t.DueRed ? 2 : 1);
        }

        if (lastHour.Calls >= t.MinCalls && lastHour.ContactRate is { } rate && rate * 100 < t.ContactRateAmber)
        {
            reasons.Add("low-contact-rate");
            level = Math.Max(level, rate * 100 < t.ContactRateRed ? 2 : 1);
        }

        return (level switch { 2 => "red", 1 => "amber", _ => "ok" }, reasons);
    }
}
