using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>A request to start a call (<see cref="StartCall"/>) as it crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.StartCall")]
public readonly record struct StartCallSurrogate(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string? LeaseId,
    [property: Id(2)] string? CampaignId,
    [property: Id(3)] string? ContactId,
    [property: Id(4)] string? CustomerId,
    [property: Id(5)] string? OrderNumber,
    [property: Id(6)] string? TaskId,
    [property: Id(7)] bool Inbound);

/// <summary>Turns a <see cref="StartCall"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class StartCallConverter : IConverter<StartCall, StartCallSurrogate>
{
    public StartCall ConvertFromSurrogate(in StartCallSurrogate s) =>
        new(s.AgentId, s.LeaseId, s.CampaignId, s.ContactId, s.CustomerId, s.OrderNumber, s.TaskId, s.Inbound);

    public StartCallSurrogate ConvertToSurrogate(in StartCall m) =>
        new(m.AgentId, m.LeaseId, m.CampaignId, m.ContactId, m.CustomerId, m.OrderNumber, m.TaskId, m.Inbound);
}
