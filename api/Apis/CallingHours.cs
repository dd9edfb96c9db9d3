namespace OrleansCrm.Api.Apis;

/// <summary>A campaign's daily calling window as the API reads and shows it (OpenAPI schema <c>CallingHours</c>, as before).</summary>
public sealed record CallingHours(string? Start, string? End)
{
    public static CallingHours From(Domain.Campaigns.CallingHours h) => new(h.Start, h.End);

    public Domain.Campaigns.CallingHours ToDomain() => new(Start, End);
}
