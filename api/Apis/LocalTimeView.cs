namespace OrleansCrm.Api.Apis;

/// <summary>The customer's wall clock now, with the zone it is read in.</summary>
public sealed record LocalTimeView(DateTimeOffset Time, string TimeZone);
