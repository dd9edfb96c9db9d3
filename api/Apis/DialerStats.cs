namespace OrleansCrm.Api.Apis;

/// <summary>A campaign's queue as the API shows it (OpenAPI schema <c>DialerStats</c>): due now, scheduled later, leased, done, all.</summary>
public sealed record DialerStats(int Due, int Scheduled, int Leased, int Done, int Total)
{
    public static DialerStats From(Domain.Calls.DialerStats s) => new(s.Due, s.Scheduled, s.Leased, s.Done, s.Total);
}
