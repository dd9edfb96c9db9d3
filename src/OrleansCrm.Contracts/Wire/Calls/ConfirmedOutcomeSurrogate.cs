using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A call's confirmed outcome (<see cref="ConfirmedOutcome"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.ConfirmedOutcome.v1")]
public readonly record struct ConfirmedOutcomeSurrogate(
    [property: Id(0)] string Code,
    [property: Id(1)] string Label,
    [property: Id(2)] string Type,
    [property: Id(3)] string Color,
    [property: Id(4)] string? Comment,
    [property: Id(5)] DateTimeOffset? CallbackAt,
    [property: Id(6)] int? CallbackVisibility,
    [property: Id(7)] int? Invoice,
    [property: Id(8)] string? BookingId,
    [property: Id(9)] string? ContractProtocol,
    [property: Id(10)] string? NewOrderNumber,
    [property: Id(11)] bool MessageSent,
    [property: Id(12)] DateTimeOffset ConfirmedAt,
    [property: Id(13)] string ConfirmedBy);

/// <summary>Turns a <see cref="ConfirmedOutcome"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class ConfirmedOutcomeConverter : IConverter<ConfirmedOutcome, ConfirmedOutcomeSurrogate>
{
    public ConfirmedOutcome ConvertFromSurrogate(in ConfirmedOutcomeSurrogate s) => new(s.Code, s.Label, s.Type, s.Color, s.Comment, s.CallbackAt, (CallbackVisibility?)s.CallbackVisibility, (InvoiceAction?)s.Invoice, s.BookingId, s.ContractProtocol, s.NewOrderNumber, s.MessageSent, s.ConfirmedAt, s.ConfirmedBy);

    public ConfirmedOutcomeSurrogate ConvertToSurrogate(in ConfirmedOutcome m) => new(m.Code, m.Label, m.Type, m.Color, m.Comment, m.CallbackAt, (int?)m.CallbackVisibility, (int?)m.Invoice, m.BookingId, m.ContractProtocol, m.NewOrderNumber, m.MessageSent, m.ConfirmedAt, m.ConfirmedBy);
}
