namespace OrleansCrm.Api.Apis;

/// <summary>A close-online contract as the back office reads it (OpenAPI schema <c>Contract</c>, as before).</summary>
public sealed record Contract(
    string Protocol,
    string CallId,
    string CampaignId,
    string ContactId,
    string? CustomerId,
    string? ContactName,
    string Phone,
    string AgentId,
    string Currency,
    IReadOnlyList<CartLine> Lines,
    decimal Total,
    DateTimeOffset CreatedAt)
{
    public static Contract From(Domain.Calls.Contract c) =>
        new(c.Protocol, c.CallId, c.CampaignId, c.ContactId, c.CustomerId, c.ContactName, c.Phone, c.AgentId, c.Currency, CartLine.Of(c.Lines), c.Total, c.CreatedAt);
}
