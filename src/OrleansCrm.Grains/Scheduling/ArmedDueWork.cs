namespace OrleansCrm.Grains.Scheduling;

/// <summary>
/// What a grain's one reminder is armed for, kept in the grain's state: the due instant it was armed for and when it
/// first fires (earlier when the due instant lies beyond the cap). A change or a tick that leaves the earliest due
/// instant where it was then writes nothing: the reminder already fires for it, and its period retries failed work.
/// </summary>
[GenerateSerializer, Alias("OrleansCrm.ArmedDueWork")]
public sealed class ArmedDueWork
{
    /// <summary>The due instant the reminder is armed for; null when none is armed.</summary>
    [Id(0)]
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>When the armed reminder first fires (business clock); before <see cref="DueAt"/> when capped.</summary>
    [Id(1)]
    public DateTimeOffset? FiresAt { get; set; }

    /// <summary>
    /// Whether the reminder must be registered (or removed) for <paramref name="nextDue"/>: the due instant moved, or
    /// the reminder was capped short of it and that hop is over.
    /// </summary>
    public bool NeedsArming(DateTimeOffset? nextDue, DateTimeOffset now) =>
        nextDue != DueAt || (nextDue is not null && FiresAt < DueAt && now >= FiresAt);

    internal void Record(DateTimeOffset? dueAt, DateTimeOffset? firesAt) => (DueAt, FiresAt) = (dueAt, firesAt);
}
