using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Api.Apis;

/// <summary>A call's outcome as confirmed, with what it produced (OpenAPI schema <c>ConfirmedOutcome</c>, as before).</summary>
public sealed record ConfirmedOutcome(
    string Code,
    string Label,
    string Type,
    string Color,
    string? Comment,
    DateTimeOffset? CallbackAt,
    CallbackVisibility? CallbackVisibility,
    InvoiceAction? Invoice,
    string? BookingId,
    string? ContractProtocol,
    string? NewOrderNumber,
    bool MessageSent,
    DateTimeOffset ConfirmedAt,
    string ConfirmedBy)
{
    public static ConfirmedOutcome From(Domain.Calls.ConfirmedOutcome o) => new(
        o.Code, o.Label, o.Type, o.Color, o.Comment, o.CallbackAt, o.CallbackVisibility, o.Invoice, o.BookingId, o.ContractProtocol,
        o.NewOrderNumber, o.MessageSent, o.ConfirmedAt, o.ConfirmedBy);
}
