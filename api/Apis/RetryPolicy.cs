namespace OrleansCrm.Api.Apis;

/// <summary>A campaign's retry policy as the API reads and shows it (OpenAPI schema <c>RetryPolicy</c>, as before).</summary>
public sealed record RetryPolicy(int? FirstRetryMinutes = null, int? NextRetryMinutes = null, int? PrivateCallbackGraceMinutes = null)
{
    public static RetryPolicy From(Domain.Campaigns.RetryPolicy p) => new(p.FirstRetryMinutes, p.NextRetryMinutes, p.PrivateCallbackGraceMinutes);

    public Domain.Campaigns.RetryPolicy ToDomain() => new(FirstRetryMinutes, NextRetryMinutes, PrivateCallbackGraceMinutes);
}
