namespace OrleansCrm.Grains.Scheduling;

/// <summary>What one move of the simulated clock did.</summary>
public sealed record ClockAdvance(DateTimeOffset From, DateTimeOffset To, int TicksDelivered, int TicksFailed);
