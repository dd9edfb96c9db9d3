namespace OrleansCrm.Api.Apis;

/// <summary>
/// What to render a template against: at most one of an order number, a booking id or a call id; none renders the
/// trigger's sample data. With a call, <c>outcomeCode</c> renders it as if that outcome of the call's campaign were
/// confirmed (the outcome form's template, before the agent confirms).
/// </summary>
public sealed record TemplatePreviewRequest(string? OrderNumber, string? BookingId, string? CallId, string? OutcomeCode = null);
