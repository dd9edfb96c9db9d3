using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Grains.Calls;

[GenerateSerializer, Alias("OrleansCrm.AgentState")]
public sealed class AgentState
{
    [Id(0)]
    public AgentProfile? Profile { get; set; }

    [Id(1)]
    public List<Booking> Bookings { get; set; } = [];

    [Id(2)]
    public long Version { get; set; }

    /// <summary>What the agent's reminder (the next booking reminder) is armed for, stored with the bookings it was planned for.</summary>
    [Id(3)]
    public ArmedDueWork Armed { get; set; } = new();
}
