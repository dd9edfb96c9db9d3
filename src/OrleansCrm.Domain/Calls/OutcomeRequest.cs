using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// What the agent confirms: the outcome code, a comment, and what the outcome needs (a callback time and its
/// visibility, an invoice action). Built by <see cref="Checked"/> from what a client sent (the api's body): the code
/// is always there; whether it is one of the campaign's outcomes, and what else it needs, <see cref="OutcomeRules"/> decides.
/// </summary>
public sealed record OutcomeRequest(string Code, [FreeText] string? Comment, DateTimeOffset? CallbackAt, CallbackVisibility? CallbackVisibility, InvoiceAction? Invoice)
{
    /// <summary>
    /// Checks that an outcome as sent names its code and makes it; without one it throws the validation problem, naming
    /// a comment over <see cref="OutcomeRules.MaxComment"/> characters too. With a code, the comment is checked (and
    /// redacted) with every other field at once by <see cref="OutcomeRules.Decide"/>.
    /// </summary>
    public static OutcomeRequest Checked(string? code, string? comment, DateTimeOffset? callbackAt, CallbackVisibility? callbackVisibility, InvoiceAction? invoice)
    {
        var v = new Validator();
        if (!v.Required("code", code))
        {
            v.Text("comment", comment, OutcomeRules.MaxComment);
            v.ThrowIfInvalid();
        }

        return new OutcomeRequest(code ?? "", comment, callbackAt, callbackVisibility, invoice);
    }
}
