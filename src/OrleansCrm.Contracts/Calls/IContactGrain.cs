using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts;

/// <summary>One contact in one campaign, keyed "{campaignId}/{contactId}": its dialing state.</summary>
[Alias("OrleansCrm.IContactGrain")]
public interface IContactGrain : IGrainWithStringKey
{
    /// <summary>Stores a new contact; false (and nothing changed) when it exists.</summary>
    [Alias("Create")]
    Task<bool> CreateAsync([Immutable] DialerContact contact);

    [Alias("Get")]
    [return: Immutable]
    Task<DialerContact?> GetAsync();

    /// <summary>
    /// Applies a confirmed outcome once per call and tells the dialer; a repeat changes nothing but makes sure the index
    /// row and the dialer have the state, as every call into the contact does.
    /// </summary>
    [Alias("RecordOutcome")]
    [return: Immutable]
    Task<DialerContact> RecordOutcomeAsync(string callId, [Immutable] OutcomeDecision decision, string agentId, DateTimeOffset calledAt);

    /// <summary>Ends calling the contact without a call (its order was marked already paid elsewhere); the caller is the dialer, which takes the state returned.</summary>
    [Alias("End")]
    [return: Immutable]
    Task<DialerContact> EndAsync(string reason);
}
