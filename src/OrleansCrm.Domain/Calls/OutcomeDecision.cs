using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Domain.Calls;

/// <summary>The outcome as decided from the catalog and the request, before any of it happens.</summary>
public sealed record OutcomeDecision(Outcome Outcome, string? Comment, OutcomeEffect Effect, DateTimeOffset? CallbackAt, CallbackVisibility? Visibility, InvoiceAction? Invoice);
