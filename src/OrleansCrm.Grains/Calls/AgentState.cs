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

    /// <summary>The campaign templates' reminders of the bookings (planned when a booking is made, re-checked when due).</summary>
    [Id(4)]
    public List<BookingReminder> TemplateReminders { get; set; } = [];
}
