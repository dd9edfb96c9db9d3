using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>What the agent confirms: the outcome code, a comment, and what the outcome needs (a callback time and its visibility, an invoice action).</summary>
public sealed record OutcomeRequest(string? Code, [FreeText] string? Comment, DateTimeOffset? CallbackAt, CallbackVisibility? CallbackVisibility, InvoiceAction? Invoice);

/// <summary>What a confirmed outcome does beyond recording itself.</summary>
public enum OutcomeEffect
{
    /// <summary>Calling ends (an N outcome, or "conversation completed" without a callback).</summary>
    EndCalling,

    /// <summary>No contact: the contact comes back after the retry delay.</summary>
    Retry,

    /// <summary>The contact comes back at the agreed time.</summary>
    Callback,

    /// <summary>C: the cart becomes a contract with a protocol number.</summary>
    Contract,

    /// <summary>T: the appointment slot is booked in the agent's agenda.</summary>
    Appointment,

    /// <summary>The customer says the order is paid: marked on the order, never called about again.</summary>
    AlreadyPaid,

    /// <summary>The order is cancelled; calling ends.</summary>
    Refusal,

    /// <summary>Wrong number: the number is marked invalid and never called again.</summary>
    InvalidContact,
}

/// <summary>The outcome as decided from the catalog and the request, before any of it happens.</summary>
public sealed record OutcomeDecision(Outcome Outcome, string? Comment, OutcomeEffect Effect, DateTimeOffset? CallbackAt, CallbackVisibility? Visibility, InvoiceAction? Invoice);

/// <summary>
/// An outcome the agent confirmed, stored on the call before any of its effects happen: whoever finishes it (the
/// agent's retry, the call's own due work) applies the same decision, at the same instant, as the same user.
/// </summary>
public sealed record OutcomeIntent(OutcomeDecision Decision, DateTimeOffset At, string By);

/// <summary>Checks an outcome against the campaign's catalog and the open call, and says what it does.</summary>
public static class OutcomeRules
{
    public const int MaxComment = 2000;
    public static readonly TimeSpan DefaultCallbackHorizon = TimeSpan.FromDays(90);

    public static OutcomeDecision Decide(Campaign campaign, CallAttempt call, OutcomeRequest request, DateTimeOffset now, TimeSpan callbackHorizon)
    {
        var v = new Validator();
        v.Text("comment", request.Comment, MaxComment);
        if (!v.Required("code", request.Code))
        {
            v.ThrowIfInvalid();
        }

        var outcome = (campaign.Outcomes ?? []).FirstOrDefault(o => o.Code == request.Code);
        if (outcome is null)
        {
            v.Add("code", $"'{Validator.Shorten(request.Code!)}' is not an outcome of campaign '{call.CampaignId}' ({string.Join(", ", (campaign.Outcomes ?? []).Select(o => o.Code))}).");
            v.ThrowIfInvalid();
        }

        var effect = EffectOf(outcome!, request.CallbackAt is not null);
        var needsCallback = effect == OutcomeEffect.Callback;
        if (outcome!.Code == BuiltInOutcomes.NoContact && request.CallbackAt is not null)
        {
            v.Add("callbackAt", "no contact schedules its own retry (1 hour, then 24 hours after each further no-contact call); give no callback time.");
        }

        if (needsCallback)
        {
            CheckCallback(v, request.CallbackAt, now, callbackHorizon, outcome.Code!);
        }
        else if (outcome.Code != BuiltInOutcomes.NoContact)
        {
            // A callback time the outcome cannot honour is refused, never silently dropped.
            if (request.CallbackAt is not null)
            {
                v.Add("callbackAt", $"'{outcome.Code}' never calls back; only an R outcome or 'completed' takes a callback time.");
            }

            if (request.CallbackVisibility is not null)
            {
                v.Add("callbackVisibility", "is only for an outcome with a callback time.");
            }
        }

        if (request.Invoice is not null)
        {
            if (outcome.Code != BuiltInOutcomes.Completed)
            {
                v.Add("invoice", "is only for 'completed' (conversation completed).");
            }
            else if (call.OrderNumber is null)
            {
                v.Add("invoice", "needs the call to be about an order; this call has none.");
            }
        }

        if (effect == OutcomeEffect.Contract && (call.Draft.Cart?.Lines is not { Count: > 0 }))
        {
            v.Add("draft.cart", $"'{outcome.Code}' closes online: the draft needs a cart with at least one line.");
        }

        if (effect == OutcomeEffect.Appointment && call.Draft.Appointment?.Start is null)
        {
            v.Add("draft.appointment", $"'{outcome.Code}' books an appointment: the draft needs an appointment slot.");
        }

        v.ThrowIfInvalid();
        return new OutcomeDecision(
            outcome,
            request.Comment is null ? null : CardNumbers.Redact(request.Comment.Trim()),
            effect,
            needsCallback ? request.CallbackAt : null,
            needsCallback ? request.CallbackVisibility ?? CallbackVisibility.Private : null,
            request.Invoice);
    }

    private static OutcomeEffect EffectOf(Outcome outcome, bool callbackGiven) => outcome.Code switch
    {
        BuiltInOutcomes.NoContact => OutcomeEffect.Retry,
        BuiltInOutcomes.Callback => OutcomeEffect.Callback,
        BuiltInOutcomes.Completed => callbackGiven ? OutcomeEffect.Callback : OutcomeEffect.EndCalling,
        BuiltInOutcomes.AlreadyPaid => OutcomeEffect.AlreadyPaid,
        BuiltInOutcomes.Refusal => OutcomeEffect.Refusal,
        BuiltInOutcomes.InvalidContact => OutcomeEffect.InvalidContact,
        _ => outcome.Type switch
        {
            OutcomeType.R => OutcomeEffect.Callback,
            OutcomeType.C => OutcomeEffect.Contract,
            OutcomeType.T => OutcomeEffect.Appointment,
            _ => OutcomeEffect.EndCalling,
        },
    };

    private static void CheckCallback(Validator v, DateTimeOffset? at, DateTimeOffset now, TimeSpan horizon, string code)
    {
        if (at is null)
        {
            v.Add("callbackAt", $"'{code}' needs a callback time.");
        }
        else if (at <= now)
        {
            v.Add("callbackAt", $"must be in the future (now is {now:O}).");
        }
        else if (at > now + horizon)
        {
            v.Add("callbackAt", $"must be within {horizon.TotalDays:0} days (by {now + horizon:O}).");
        }
    }
}

/// <summary>Where a contact stands after a confirmed outcome (seed 001's retry rule, callbacks, the attempt cap).</summary>
public static class DialingRules
{
    public const string AttemptCapReached = "attempt-cap";

    /// <summary>
    /// Calling ends without a call of this campaign (e.g. the contact's order was marked already paid elsewhere):
    /// done for <paramref name="reason"/>; a contact already done stays as it is.
    /// </summary>
    public static DialerContact Ended(DialerContact contact, string reason) =>
        contact.Stage == DialStage.Done
            ? contact
            : contact with { Stage = DialStage.Done, DoneReason = reason, CallbackOwner = null, Version = contact.Version + 1 };

    /// <param name="consecutiveNoContacts">No-contact calls in a row before this one.</param>
    public static (DialerContact Contact, int ConsecutiveNoContacts) After(
        DialerContact contact, int consecutiveNoContacts, OutcomeDecision decision, string agentId, DateTimeOffset calledAt, RetryPolicy policy, int attemptCap)
    {
        var attempts = contact.Attempts + 1;
        var next = contact with { Attempts = attempts, Version = contact.Version + 1, CallbackOwner = null, DoneReason = null };
        switch (decision.Effect)
        {
            case OutcomeEffect.Retry:
                var inARow = consecutiveNoContacts + 1;
                return attempts >= attemptCap
                    ? (next with { Stage = DialStage.Done, DoneReason = AttemptCapReached }, inARow)
                    : (next with { Stage = DialStage.Retry, DueAt = NoContactRetryPolicy.NextAttemptAt(calledAt, inARow, policy) }, inARow);
            case OutcomeEffect.Callback:
                var owner = decision.Visibility == CallbackVisibility.Private ? agentId : null;
                return (next with { Stage = DialStage.Callback, DueAt = decision.CallbackAt!.Value, CallbackOwner = owner }, 0);
            default:
                return (next with { Stage = DialStage.Done, DoneReason = decision.Outcome.Code }, 0);
        }
    }
}
