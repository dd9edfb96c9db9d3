namespace OrleansCrm.Api.Apis;

/// <summary>The history tab: status changes, notes and the order's calls with their outcomes, newest first.</summary>
public sealed record HistoryItem(DateTimeOffset At, string Kind, string By, string Text);
