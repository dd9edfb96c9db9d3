using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// The message to the customer on a call's draft as the API reads and shows it (OpenAPI schema <c>CustomerMessage</c>,
/// as before); subject and body are free text. <c>templateId</c> names the campaign's email template the agent picked
/// on the outcome form: its rendering for the call (the template preview with <c>callId</c> and <c>outcomeCode</c>), as the agent edited it,
/// is the subject and body; the message log records the template's version.
/// </summary>
public sealed record CustomerMessage([FreeText] string? Subject, [FreeText] string? Body, bool CopyToManager = true, string? TemplateId = null)
{
    public static CustomerMessage From(Domain.Calls.CustomerMessage m) => new(m.Subject, m.Body, m.CopyToManager, m.TemplateId);
}
