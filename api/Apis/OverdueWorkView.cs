using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Api.Apis;

/// <summary>Orders whose scheduled work fell due before <paramref name="DueBefore"/> and has not run, earliest first.</summary>
public sealed record OverdueWorkView(DateTimeOffset Now, DateTimeOffset DueBefore, Page<OrderEntry> Orders);
