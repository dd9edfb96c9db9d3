using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Api.Apis;

/// <summary>Start a call: on a lease from dialer/next (<c>leaseId</c>), or directly on a contact or customer of the campaign.</summary>
public sealed record StartCallBody(
    string? CampaignId, string? LeaseId, string? ContactId, string? CustomerId, string? OrderNumber, string? TaskId, CallDirection? Direction, string? AgentId);
