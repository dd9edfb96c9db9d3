namespace OrleansCrm.Domain.Calls;

/// <summary>A slot in an agent's agenda, for an appointment (T) outcome; the agent defaults to the call's agent.</summary>
public sealed record AppointmentSlot(string? AgentId, DateTimeOffset? Start);
