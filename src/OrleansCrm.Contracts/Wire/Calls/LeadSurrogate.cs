using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>An imported lead on its way to the dialer (<see cref="Lead"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Lead.v1")]
public readonly record struct LeadSurrogate(
    [property: Id(0)] string? Id,
    [property: Id(1)] string? Name,
    [property: Id(2)] string? Phone,
    [property: Id(3)] string? Email,
    [property: Id(4)] string? TimeZone,
    [property: Id(5)] string? CustomerId,
    [property: Id(6)] string? OrderNumber);

/// <summary>Turns a <see cref="Lead"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class LeadConverter : IConverter<Lead, LeadSurrogate>
{
    public Lead ConvertFromSurrogate(in LeadSurrogate s) => new(s.Id, s.Name, s.Phone, s.Email, s.TimeZone, s.CustomerId, s.OrderNumber);

    public LeadSurrogate ConvertToSurrogate(in Lead m) => new(m.Id, m.Name, m.Phone, m.Email, m.TimeZone, m.CustomerId, m.OrderNumber);
}
