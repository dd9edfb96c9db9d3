using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A close-online contract (<see cref="Contract"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Contract.v1")]
public readonly record struct ContractSurrogate(
    [property: Id(0)] string Protocol,
    [property: Id(1)] string CallId,
    [property: Id(2)] string CampaignId,
    [property: Id(3)] string ContactId,
    [property: Id(4)] string? CustomerId,
    [property: Id(5)] string? ContactName,
    [property: Id(6)] string Phone,
    [property: Id(7)] string AgentId,
    [property: Id(8)] string Currency,
    [property: Id(9)] IReadOnlyList<CartLine> Lines,
    [property: Id(10)] decimal Total,
    [property: Id(11)] DateTimeOffset CreatedAt);

/// <summary>Turns a <see cref="Contract"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class ContractConverter : IConverter<Contract, ContractSurrogate>
{
    public Contract ConvertFromSurrogate(in ContractSurrogate s) => new(s.Protocol, s.CallId, s.CampaignId, s.ContactId, s.CustomerId, s.ContactName, s.Phone, s.AgentId, s.Currency, s.Lines, s.Total, s.CreatedAt);

    public ContractSurrogate ConvertToSurrogate(in Contract m) => new(m.Protocol, m.CallId, m.CampaignId, m.ContactId, m.CustomerId, m.ContactName, m.Phone, m.AgentId, m.Currency, WireLists.Of(m.Lines), m.Total, m.CreatedAt);
}
