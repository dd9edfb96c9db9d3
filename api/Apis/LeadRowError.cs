namespace OrleansCrm.Api.Apis;

/// <summary>A refused import row as the API shows it (OpenAPI schema <c>LeadRowError</c>): its 1-based number and its errors by field.</summary>
public sealed record LeadRowError(int Row, IReadOnlyDictionary<string, string[]> Errors)
{
    public static LeadRowError From(Domain.Calls.LeadRowError e) => new(e.Row, e.Errors);
}
