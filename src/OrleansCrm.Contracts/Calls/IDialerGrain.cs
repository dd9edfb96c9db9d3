using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts;

/// <summary>A campaign's dialer, keyed by campaign id: the queue of its contacts, in memory, and the leases it handed out.</summary>
[Alias("OrleansCrm.IDialerGrain")]
public interface IDialerGrain : IGrainWithStringKey
{
    /// <summary>Adds new leads (each with its row number in the request) as fresh contacts; leads already in the campaign are reported, not changed.</summary>
    [Alias("Import")]
    Task<ImportedLeads> ImportAsync([Immutable] IReadOnlyList<(int Row, Lead Lead)> leads);

    [Alias("Next")]
    [return: Immutable]
    Task<DialerHandOut?> NextAsync(string agentId);

    [Alias("StartCall")]
    [return: Immutable]
    Task<DialerHandOut> StartCallAsync(string leaseId, string agentId, string callId);

    [Alias("StartDirectCall")]
    [return: Immutable]
    Task<DialerHandOut> StartDirectCallAsync(string contactId, string agentId, string callId);

    /// <summary>The call ended without an outcome: the contact goes back to the queue.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string contactId, string callId);

    /// <summary>A contact's dialing state changed (an outcome, or a customer added to the campaign).</summary>
    [Alias("ContactChanged")]
    Task ContactChangedAsync([Immutable] DialerContact contact);

    [Alias("Stats")]
    [return: Immutable]
    Task<DialerStats> StatsAsync();

    /// <summary>The contacts due now by stage (the wallboard's tile; they add up to <see cref="DialerStats.Due"/>).</summary>
    [Alias("DueByStage")]
    [return: Immutable]
    Task<DueByStage> DueByStageAsync();

    /// <summary>The campaign's calling hours or retry policy may have changed.</summary>
    [Alias("CampaignChanged")]
    Task CampaignChangedAsync();

    /// <summary>Drops this activation once idle: the next call rebuilds the queue from storage, as after a restart or a failover.</summary>
    [Alias("Reload")]
    Task ReloadAsync();
}
