using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Domain.Calls;

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
