namespace OrleansCrm.Api.Apis;

/// <summary>The body of <c>PUT /orders/{n}/trial-end</c>: the instant the trial ends and the product is charged.</summary>
public sealed record TrialEndBody(DateTimeOffset? At);
