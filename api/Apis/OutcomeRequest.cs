using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// What the agent confirms, as the API reads it: the outcome code, a comment, and what the outcome needs (a callback
/// time and its visibility, an invoice action). Its rules need the campaign's catalog and the open call, so the call's
/// grain checks it by <see cref="OutcomeRules"/> after it has found the call open (a closed call stays a conflict first).
/// </summary>
public sealed record OutcomeRequest(string? Code, [FreeText] string? Comment, DateTimeOffset? CallbackAt, CallbackVisibility? CallbackVisibility, InvoiceAction? Invoice)
{
    public Domain.Calls.OutcomeRequest ToDomain() => new(Code, Comment, CallbackAt, CallbackVisibility, Invoice);
}
