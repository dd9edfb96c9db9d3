using OrleansCrm.Domain.Customers;

namespace OrleansCrm.Contracts.Wire.Customers;

/// <summary>A <see cref="CustomerNote"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.CustomerNote.v1")]
public readonly record struct CustomerNoteSurrogate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Text,
    [property: Id(2)] string Author,
    [property: Id(3)] DateTimeOffset CreatedAt);

/// <summary>Turns a <see cref="CustomerNote"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class CustomerNoteConverter : IConverter<CustomerNote, CustomerNoteSurrogate>
{
    public CustomerNote ConvertFromSurrogate(in CustomerNoteSurrogate s) => new(s.Id, s.Text, s.Author, s.CreatedAt);

    public CustomerNoteSurrogate ConvertToSurrogate(in CustomerNote n) => new(n.Id, n.Text, n.Author, n.CreatedAt);
}
