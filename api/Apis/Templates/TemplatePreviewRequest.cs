namespace OrleansCrm.Api.Apis;

/// <summary>What to render a template against: at most one of an order number, a booking id or a call id; none renders the trigger's sample data.</summary>
public sealed record TemplatePreviewRequest(string? OrderNumber, string? BookingId, string? CallId);
