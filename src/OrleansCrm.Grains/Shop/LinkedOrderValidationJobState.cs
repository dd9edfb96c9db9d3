using OrleansCrm.Contracts.Shop;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Shop;

[GenerateSerializer, Alias("OrleansCrm.LinkedOrderValidationJobState")]
public sealed class LinkedOrderValidationJobState
{
    /// <summary>The next nightly instant (null until the job is first scheduled).</summary>
    [Id(0)]
    public DateTimeOffset? NextRunAt { get; set; }

    /// <summary>The business date of the last nightly run started: a night is run once.</summary>
    [Id(1)]
    public DateOnly? LastBusinessDate { get; set; }

    /// <summary>The watermark of the last finished shop sync: the shop's orders up to it are in the store.</summary>
    [Id(2)]
    public DateTimeOffset? SyncedUpTo { get; set; }

    /// <summary>The run under way, if any (one at a time).</summary>
    [Id(3)]
    public ValidationRunRecord? Running { get; set; }

    /// <summary>When the run under way was last handed to its worker (handed again when it stalls, e.g. its silo was lost).</summary>
    [Id(4)]
    public DateTimeOffset? HandedOutAt { get; set; }

    /// <summary>The runs, newest first (the last <see cref="LinkedOrderValidationJobGrain.RunsKept"/>).</summary>
    [Id(5)]
    public List<ValidationRunRecord> Runs { get; set; } = [];

    [Id(6)]
    public ArmedDueWork Armed { get; set; } = new();
}
