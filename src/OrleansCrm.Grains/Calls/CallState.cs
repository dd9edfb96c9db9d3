using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Grains.Calls;

[GenerateSerializer, Alias("OrleansCrm.CallState")]
public sealed class CallState
{
    [Id(0)]
    public CallAttempt? Call { get; set; }

    [Id(1)]
    public long Version { get; set; }

    /// <summary>The protocol number taken for this call's contract before the contract is stored (a retried outcome reuses it).</summary>
    [Id(2)]
    public string? PendingProtocol { get; set; }

    /// <summary>Whether the stored call wants its due work armed (the open-call timeout, or an outcome to finish).</summary>
    [Id(3)]
    public bool DueWorkArmed { get; set; }

    /// <summary>The outcome being confirmed: stored before its first effect, cleared when the call is stored Confirmed.</summary>
    [Id(4)]
    public OutcomeIntent? PendingOutcome { get; set; }

    /// <summary>What the call's due work is armed for, stored with the call it was planned for.</summary>
    [Id(5)]
    public ArmedDueWork Armed { get; set; } = new();
}
