using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts;

/// <summary>Who asks: their user id and what their role lets them do (agents act on their own calls only).</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.Actor")]
public sealed record Actor([property: Id(0)] string UserId, [property: Id(1)] bool IsAgent, [property: Id(2)] bool IsAdmin);

/// <summary>
/// Starting a call attempt: on a lease from <c>dialer/next</c> (<see cref="LeaseId"/>), or directly on a contact of a
/// campaign (<see cref="ContactId"/>, or <see cref="CustomerId"/> for a customer, who becomes a contact of the campaign).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.StartCall")]
public sealed record StartCall(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string? LeaseId,
    [property: Id(2)] string? CampaignId,
    [property: Id(3)] string? ContactId,
    [property: Id(4)] string? CustomerId,
    [property: Id(5)] string? OrderNumber,
    [property: Id(6)] string? TaskId,
    [property: Id(7)] bool Inbound);

/// <summary>A call attempt, keyed by call id: its draft while open, the outcome once confirmed.</summary>
[Alias("OrleansCrm.ICallGrain")]
public interface ICallGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task<CallAttempt> StartAsync(StartCall request, Actor by);

    [Alias("Get")]
    Task<CallAttempt?> GetAsync();

    /// <summary>The call as the asker may read it (<see cref="CallAccess"/>); 404 when there is none.</summary>
    [Alias("See")]
    Task<CallAttempt> SeeAsync(Actor by);

    /// <summary>The call, when the asker may hear its recording (<see cref="CallAccess"/>).</summary>
    [Alias("CheckCanHearRecording")]
    Task<CallAttempt> CheckCanHearRecordingAsync(Actor by);

    [Alias("SaveDraft")]
    Task<CallAttempt> SaveDraftAsync([Immutable] CallDraft draft, Actor by);

    /// <summary>Refuses (before the upload is stored) when the call is not open or not the asker's.</summary>
    [Alias("CheckRecording")]
    Task CheckCanRecordAsync(Actor by);

    [Alias("AttachRecording")]
    Task<CallAttempt> AttachRecordingAsync([Immutable] CallRecording recording, Actor by);

    [Alias("ConfirmOutcome")]
    Task<CallAttempt> ConfirmOutcomeAsync([Immutable] OutcomeRequest request, Actor by);

    [Alias("Discard")]
    Task<CallAttempt> DiscardAsync(Actor by);

    [Alias("LinkOrder")]
    Task<CallAttempt> LinkOrderAsync(string? orderId, Actor by);
}

/// <summary>The result of a lead import into the dialer: how many were added, and the rows already in the campaign.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.ImportedLeads")]
public sealed record ImportedLeads([property: Id(0)] int Imported, [property: Id(1)] IReadOnlyList<int> AlreadyInCampaign);

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

    /// <summary>The campaign's calling hours or retry policy may have changed.</summary>
    [Alias("CampaignChanged")]
    Task CampaignChangedAsync();
}

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

public static class ContactKeys
{
    public static string For(string campaignId, string contactId) => campaignId + "/" + contactId;
}

/// <summary>An agent's agenda and profile, keyed by agent id.</summary>
[Alias("OrleansCrm.IAgentGrain")]
public interface IAgentGrain : IGrainWithStringKey
{
    [Alias("GetProfile")]
    [return: Immutable]
    Task<AgentProfile> GetProfileAsync();

    [Alias("PutProfile")]
    [return: Immutable]
    Task<AgentProfile> PutProfileAsync([Immutable] AgentProfile profile);

    [Alias("Agenda")]
    [return: Immutable]
    Task<AgendaView> GetAgendaAsync(DateTimeOffset from, DateTimeOffset to);

    /// <summary>Holds a free slot for an open call's draft until <paramref name="until"/>; the call's earlier hold is let go.</summary>
    [Alias("Hold")]
    Task HoldAsync(DateTimeOffset start, string callId, DateTimeOffset until);

    [Alias("ReleaseHold")]
    Task ReleaseHoldAsync(string callId);

    /// <summary>Books the slot for the call (once: booking again for the same call returns the booking); a taken slot is a conflict.</summary>
    [Alias("Book")]
    [return: Immutable]
    Task<Booking> BookAsync(BookingRequest request);

    /// <summary>Cancels the booking when the asker may (<see cref="CallAccess.CheckCancel"/>).</summary>
    [Alias("CancelBookingBy")]
    [return: Immutable]
    Task<Booking> CancelBookingAsync(string bookingId, Actor by);

    [Alias("GetBooking")]
    [return: Immutable]
    Task<Booking?> GetBookingAsync(string bookingId);
}

/// <summary>What booking a slot takes: the slot, the call (and its agent), and who the appointment is with.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.BookingRequest")]
public sealed record BookingRequest(
    [property: Id(0)] string CallId,
    [property: Id(1)] DateTimeOffset Start,
    [property: Id(2)] string CampaignId,
    [property: Id(3)] string ContactId,
    [property: Id(4)] string? CustomerId,
    [property: Id(5)] string? CustomerName,
    [property: Id(6)] string? CustomerEmail,
    [property: Id(7)] string CustomerTimeZone,
    [property: Id(8)] string BookedBy,
    [property: Id(9)] string? CallAgentId = null);

/// <summary>An agenda over a range: its settings, the bookings, and the slots still free.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.AgendaView")]
public sealed record AgendaView(
    [property: Id(0)] string AgentId,
    [property: Id(1)] AgendaSettings Settings,
    [property: Id(2)] IReadOnlyList<Booking> Bookings,
    [property: Id(3)] IReadOnlyList<DateTimeOffset> FreeSlots);

/// <summary>A close-online contract, keyed by its protocol number.</summary>
[Alias("OrleansCrm.IContractGrain")]
public interface IContractGrain : IGrainWithStringKey
{
    /// <summary>Stores the contract once; creating it again returns the first.</summary>
    [Alias("Create")]
    [return: Immutable]
    Task<Contract> CreateAsync([Immutable] Contract contract);

    [Alias("Get")]
    [return: Immutable]
    Task<Contract?> GetAsync();
}

/// <summary>Why a number is never called: the do-not-call list, or a number found invalid on a call.</summary>
[GenerateSerializer, Alias("OrleansCrm.BlockReason")]
public enum BlockReason
{
    DoNotCall,
    InvalidNumber,
}

/// <summary>A blocked phone number.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.BlockedNumber")]
public sealed record BlockedNumber(
    [property: Id(0)] string Phone,
    [property: Id(1)] BlockReason Reason,
    [property: Id(2)] string? Note,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string By);

/// <summary>
/// The do-not-call list: one grain for the cluster (key <see cref="ListKey"/>), the numbers in its memory, so the
/// check at every hand-out costs no storage read. The list is stored whole on each change (changes are rare: a
/// customer asks, an agent finds a wrong number).
/// </summary>
[Alias("OrleansCrm.IDoNotCallGrain")]
public interface IDoNotCallGrain : IGrainWithStringKey
{
    public const string ListKey = "all";

    [Alias("Block")]
    Task<BlockedNumber> BlockAsync(string phone, BlockReason reason, string? note, string by);

    /// <summary>Lifts the block; false when the number was not blocked.</summary>
    [Alias("Unblock")]
    Task<bool> UnblockAsync(string phone);

    [Alias("IsBlocked"), Orleans.Concurrency.AlwaysInterleave]
    Task<bool> IsBlockedAsync(string phone);

    [Alias("Get"), Orleans.Concurrency.AlwaysInterleave]
    Task<BlockedNumber?> GetAsync(string phone);
}

public static class DoNotCall
{
    public static IDoNotCallGrain List(IGrainFactory grains) => grains.GetGrain<IDoNotCallGrain>(IDoNotCallGrain.ListKey);
}
