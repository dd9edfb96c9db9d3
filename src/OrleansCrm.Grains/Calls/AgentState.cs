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
}
