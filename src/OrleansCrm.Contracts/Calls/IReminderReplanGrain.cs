using Orleans.Concurrency;
using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Contracts;

/// <summary>
/// Brings one saved version of a <c>booking.reminder</c> template to every agenda of its campaign, keyed by
/// <see cref="ReminderReplanKeys.Of"/>: the bookings made before the save get its reminder too. Record and return — the save's request
/// only records the work; the agents are asked in the grain's own turns and asked again on its reminder until each has
/// planned, so an agent that fails (storage, a silo lost) is not left out.
/// </summary>
[Alias("OrleansCrm.IReminderReplanGrain")]
public interface IReminderReplanGrain : IGrainWithStringKey
{
    /// <summary>Records the work (once per version; a repeat changes nothing) and returns; the agents are asked after.</summary>
    [Alias("Start")]
    Task StartAsync([Immutable] Stored<MessageTemplate> template, string campaignId);

    /// <summary>Whether every agent of the campaign has planned this version's reminders.</summary>
    [Alias("IsFinished"), ReadOnly]
    Task<bool> IsFinishedAsync();
}
