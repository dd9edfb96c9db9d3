namespace OrleansCrm.Domain.Messaging;

/// <summary>One step of a message's status history: the status, when, and why (an error, a skip reason, a report).</summary>
public sealed record MessageStatusChange(DeliveryStatus Status, DateTimeOffset At, string? Detail);
