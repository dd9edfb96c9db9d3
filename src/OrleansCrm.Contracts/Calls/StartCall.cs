namespace OrleansCrm.Contracts;

/// <summary>
/// Starting a call attempt: on a lease from <c>dialer/next</c> (<see cref="LeaseId"/>), or directly on a contact of a
/// campaign (<see cref="ContactId"/>, or <see cref="CustomerId"/> for a customer, who becomes a contact of the campaign).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.StartCall")]
public sealed record StartCall(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string? LeaseId,
    [property: Id(2)] string? CampaignId,
    [property: Id(3)] string? ContactId,
    [property: Id(4)] string? CustomerId,
    [property: Id(5)] string? OrderNumber,
    [property: Id(6)] string? TaskId,
    [property: Id(7)] bool Inbound);
