using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>An agent's profile (<see cref="AgentProfile"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers; a profile stored without an agenda reads with the default one.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.AgentProfile.v1")]
public readonly record struct AgentProfileSurrogate(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Email,
    [property: Id(2)] AgendaSettings? Agenda,
    [property: Id(3)] string? ShopUser);

/// <summary>Turns a <see cref="AgentProfile"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class AgentProfileConverter : IConverter<AgentProfile, AgentProfileSurrogate>
{
    public AgentProfile ConvertFromSurrogate(in AgentProfileSurrogate s) => new(s.Name, s.Email, s.Agenda ?? AgendaSettings.Default, s.ShopUser);

    public AgentProfileSurrogate ConvertToSurrogate(in AgentProfile m) => new(m.Name, m.Email, m.Agenda, m.ShopUser);
}
