using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// The message to the customer on a call's draft as the API reads and shows it (OpenAPI schema <c>CustomerMessage</c>,
/// as before); subject and body are free text.
/// </summary>
public sealed record CustomerMessage([FreeText] string? Subject, [FreeText] string? Body, bool CopyToManager = true)
{
    public static CustomerMessage From(Domain.Calls.CustomerMessage m) => new(m.Subject, m.Body, m.CopyToManager);

    public Domain.Calls.CustomerMessage ToDomain() => new(Subject, Body, CopyToManager);
}
