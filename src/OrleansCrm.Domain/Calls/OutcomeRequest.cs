using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>What the agent confirms: the outcome code, a comment, and what the outcome needs (a callback time and its visibility, an invoice action).</summary>
public sealed record OutcomeRequest(string? Code, [FreeText] string? Comment, DateTimeOffset? CallbackAt, CallbackVisibility? CallbackVisibility, InvoiceAction? Invoice);
