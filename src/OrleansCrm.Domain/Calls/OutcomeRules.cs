using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>Checks an outcome against the campaign's catalog and the open call, and says what it does.</summary>
public static class OutcomeRules
{
    public const int MaxComment = 2000;
    public static readonly TimeSpan DefaultCallbackHorizon = TimeSpan.FromDays(90);

    public static OutcomeDecision Decide(Campaign campaign, CallAttempt call, OutcomeRequest request, DateTimeOffset now, TimeSpan callbackHorizon)
    {
        var v = new Validator();
        v.Text("comment", request.Comment, MaxComment);
        var outcome = (campaign.Outcomes ?? []).FirstOrDefault(o => o.Code == request.Code);
        if (outcome is null)
        {
            v.Add("code", $"'{Validator.Shorten(request.Code)}' is not an outcome of campaign '{call.CampaignId}' ({string.Join(", ", (campaign.Outcomes ?? []).Select(o => o.Code))}).");
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
