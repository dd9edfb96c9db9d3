using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts;

/// <summary>A call attempt, keyed by call id: its draft while open, the outcome once confirmed.</summary>
[Alias("OrleansCrm.ICallGrain")]
public interface ICallGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task<CallAttempt> StartAsync([Immutable] StartCall request, Actor by);

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

    /// <summary>Links a shop order, checked by the api against the configured stores; the link starts (again) pending validation.</summary>
    [Alias("LinkOrderInStore")]
    Task<CallAttempt> LinkOrderInStoreAsync(string storeCode, string incrementId, Actor by);

    /// <summary>The nightly validation's verdict on the link read by the run; false when the link changed since (nothing recorded).</summary>
    [Alias("RecordLinkVerdict")]
    Task<bool> RecordLinkVerdictAsync([Immutable] Domain.Shop.LinkJudgement judgement);
}
