namespace OrleansCrm.Api.Apis;

/// <summary>An order's analytics as the API reads and shows them (OpenAPI schema <c>Analytics</c>, as before).</summary>
public sealed record Analytics(string? Source, string? Channel)
{
    public static Analytics From(Domain.Orders.Analytics a) => new(a.Source, a.Channel);

    public Domain.Orders.Analytics ToDomain() => new(Source, Channel);
}
