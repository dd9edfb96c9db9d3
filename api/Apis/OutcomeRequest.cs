using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// What the agent confirms, as the API reads it: the outcome code, a comment, and what the outcome needs (a callback
/// time and its visibility, an invoice action). Its own shape (a code, the comment's length) is checked here by the
/// domain's rule (<see cref="Domain.Calls.OutcomeRequest.Checked"/>); the rules that need the campaign's catalog and
/// the open call are the call grain's, by <see cref="OutcomeRules"/>, after it has found the call open.
/// </summary>
public sealed record OutcomeRequest(string? Code, [FreeText] string? Comment, DateTimeOffset? CallbackAt, CallbackVisibility? CallbackVisibility, InvoiceAction? Invoice)
{
    public Domain.Calls.OutcomeRequest ToCommand() => Domain.Calls.OutcomeRequest.Checked(Code, Comment, CallbackAt, CallbackVisibility, Invoice);
}
