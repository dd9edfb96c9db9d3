namespace OrleansCrm.Api.Apis;

/// <summary>Move the clock <c>by</c> an ISO 8601 duration (P15D, PT2H30M) or <c>to</c> an instant; exactly one of the two.</summary>
public sealed record AdvanceRequest(string? By, DateTimeOffset? To);
