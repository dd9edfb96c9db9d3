using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>An <see cref="OrderNote"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.OrderNote.v1")]
public readonly record struct OrderNoteSurrogate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] string Author,
    [property: Id(3)] bool System,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] Wording? Wording);

/// <summary>Turns an <see cref="OrderNote"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class OrderNoteConverter : IConverter<OrderNote, OrderNoteSurrogate>
{
    public OrderNote ConvertFromSurrogate(in OrderNoteSurrogate s) => new(s.Id, s.Text, s.Author, s.System, s.CreatedAt, s.Wording);

    public OrderNoteSurrogate ConvertToSurrogate(in OrderNote o) => new(o.Id, o.Text, o.Author, o.System, o.CreatedAt, o.Wording);
}
