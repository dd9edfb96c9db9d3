namespace OrleansCrm.Domain.Calls;

/// <summary>The outcome as confirmed, with everything it produced.</summary>
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
    string ConfirmedBy);
