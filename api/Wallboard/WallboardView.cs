namespace OrleansCrm.Api.Wallboard;

/// <summary>
/// The wallboard at <see cref="At"/>: a row per agent (their day is the first campaign's day, in <see cref="TimeZone"/>,
/// from <see cref="DayStart"/>) and a tile per campaign (each on its own day and zone). The day's truth, from the read
/// model and the grains: two screens show the same figures.
/// </summary>
public sealed record WallboardView(DateTimeOffset At, string TimeZone, DateTimeOffset DayStart, IReadOnlyList<AgentRowView> Agents, IReadOnlyList<CampaignTileView> Campaigns);

/// <summary>
/// An agent's row: <see cref="State"/> is <c>in-call</c> (since <see cref="InCallSince"/>, on <see cref="CallCampaignId"/>),
/// <c>idle</c> (a call ended within the idle window) or <c>signed-out</c>; today's confirmed calls, their talk time in
/// seconds, and the outcomes, by code, with the catalog's label and color.
/// </summary>
public sealed record AgentRowView(string AgentId, string State, DateTimeOffset? InCallSince, string? CallCampaignId, int Calls, int TalkSeconds, IReadOnlyList<WallboardOutcomeView> Outcomes);

/// <summary>One outcome in a bar: its code, label, color and how many calls ended with it.</summary>
public sealed record WallboardOutcomeView(string Code, string Label, string Color, int Count);

/// <summary>
/// A campaign's tile: its zone and the time there; the queue; calls and outcomes of the last 15 minutes; today's and the
/// last hour's rates; how many of its agents are on a call or idle; and <see cref="Status"/> (<c>ok</c>, <c>amber</c>,
/// <c>red</c>) from its thresholds, with the reasons (<c>due-waiting</c>, <c>low-contact-rate</c>).
/// </summary>
public sealed record CampaignTileView(
    string CampaignId,
    string Name,
    string TimeZone,
    string LocalTime,
    DateTimeOffset DayStart,
    QueueView Queue,
    int CallsLast15Minutes,
    IReadOnlyList<WallboardOutcomeView> OutcomesLast15Minutes,
    RatesView Today,
    RatesView LastHour,
    int AgentsInCall,
    int AgentsIdle,
    string Status,
    IReadOnlyList<string> StatusReasons);

/// <summary>The dialer's queue: due now by stage (they add up to <see cref="Due"/>), leased, scheduled later, done.</summary>
public sealed record QueueView(int DuePrivateCallbacks, int DuePublicCallbacks, int DueRetries, int DueNew, int Due, int Leased, int Scheduled, int Done);

/// <summary>
/// Confirmed calls over a span, how many reached a person (outcomes flagged <c>humanContact</c>) and how many were
/// sales (<c>sale</c>); the contact rate is contacts / calls, the conversion sales / contacts (null with nothing to divide by).
/// </summary>
public sealed record RatesView(int Calls, int HumanContacts, int Sales, double? ContactRate, double? Conversion);
