using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>A <see cref="StatusChange"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.StatusChange.v1")]
public readonly record struct StatusChangeSurrogate(
    [property: Id(0)] OrderStatus? From,
    [property: Id(1)] OrderStatus To,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string By,
    [property: Id(4)] string Reason,
    [property: Id(5)] Wording? ReasonWording);

/// <summary>Turns a <see cref="StatusChange"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class StatusChangeConverter : IConverter<StatusChange, StatusChangeSurrogate>
{
    public StatusChange ConvertFromSurrogate(in StatusChangeSurrogate s) => new(s.From, s.To, s.At, s.By, s.Reason, s.ReasonWording);

    public StatusChangeSurrogate ConvertToSurrogate(in StatusChange s) => new(s.From, s.To, s.At, s.By, s.Reason, s.ReasonWording);
}
