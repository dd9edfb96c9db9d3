using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Contracts.Ports;

/// <summary>Which messages to list: every filter given must match; newest first.</summary>
public sealed record MessageLogQuery(
    string? CustomerId = null,
    string? OrderNumber = null,
    string? CallId = null,
    DeliveryStatus? Status = null,
    string? Channel = null,
    int Skip = 0,
    int Take = 50);
