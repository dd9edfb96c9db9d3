using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Api.Apis;

/// <summary>One step of a message's status history.</summary>
public sealed record MessageStatusView(DeliveryStatus Status, DateTimeOffset At, string? Detail);
