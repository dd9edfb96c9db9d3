using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>A <see cref="DeliveryMethod"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.DeliveryMethod.v1")]
public readonly record struct DeliveryMethodSurrogate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] decimal Price);

/// <summary>Turns a <see cref="DeliveryMethod"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class DeliveryMethodConverter : IConverter<DeliveryMethod, DeliveryMethodSurrogate>
{
    public DeliveryMethod ConvertFromSurrogate(in DeliveryMethodSurrogate s) => new(s.Id, s.Name, s.Price);

    public DeliveryMethodSurrogate ConvertToSurrogate(in DeliveryMethod d) => new(d.Id, d.Name, d.Price);
}
