using OrleansCrm.Contracts;
using OrleansCrm.Domain.Messaging.Templates;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Calls;

/// <summary>One template version's way to the agendas of its campaign: which agents have planned it.</summary>
[GenerateSerializer, Alias("OrleansCrm.ReminderReplanState")]
public sealed class ReminderReplanState
{
    /// <summary>The saved version; null while nothing is recorded under the key.</summary>
    [Id(0)]
    public Stored<MessageTemplate>? Template { get; set; }

    [Id(1)]
    public string CampaignId { get; set; } = "";

    /// <summary>The agents that have planned this version's reminders.</summary>
    [Id(2)]
    public HashSet<string> Replanned { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every agent of the campaign has planned it; nothing is armed any more.</summary>
    [Id(3)]
    public bool Finished { get; set; }

    [Id(4)]
    public ArmedDueWork Armed { get; set; } = new();
}
