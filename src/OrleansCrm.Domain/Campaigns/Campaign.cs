using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Campaigns;

/// <summary>
/// An outbound calling campaign: where its clock runs, when it may call, what agents can
/// record as the outcome of a call, how it retries and which payment providers it charges through.
/// <paramref name="QuietHours"/> ("21:00-08:00", on the recipient's wall clock) are when none of its automated SMS
/// goes out; unset, the <c>Sms:QuietHours</c> setting applies ("00:00-00:00" for none).
/// <paramref name="Wallboard"/> holds when its wallboard tile turns amber or red (null: the defaults).
/// Built by <see cref="Checked"/> from what a client sent (the api's body): defaults filled in, built-in outcomes and
/// the outcome step present; the campaign's grain stores it as given.
/// </summary>
public sealed record Campaign(
    string Name,
    string? TimeZone,
    CallingHours CallingHours,
    IReadOnlyList<Outcome> Outcomes,
    IReadOnlyList<WorkflowStep> WorkflowSteps,
    RetryPolicy RetryPolicy,
    int AttemptCap,
    IReadOnlyList<string> PaymentProviders,
    string? QuietHours = null,
    WallboardThresholds? Wallboard = null)
{
    public const int DefaultAttemptCap = 10;
    public const int MaxOutcomes = 100;

    /// <summary>Checks every field as sent and returns the campaign as stored: defaults filled in, built-in outcomes and the outcome step present.</summary>
    public static Campaign Checked(
        string? name,
        string? timeZone,
        CallingHours? callingHours,
        IReadOnlyList<Outcome?>? sentOutcomes,
        IReadOnlyList<WorkflowStep?>? workflowSteps,
        RetryPolicy? retryPolicy,
        int? attemptCap,
        IReadOnlyList<string?>? paymentProviders,
        string? quietHours = null,
        WallboardThresholds? wallboard = null)
    {
        var v = new Validator();
        v.Text("name", name, Validator.NameMaxLength, required: true);
        v.TimeZone("timeZone", timeZone);

        var hours = callingHours ?? Campaigns.CallingHours.Default;
        hours.Validate(v, "callingHours");

        var outcomes = sentOutcomes ?? [];
        if (outcomes.Count > MaxOutcomes)
        {
            v.Add("outcomes", $"may hold at most {MaxOutcomes} outcomes.");
        }

        v.Unique("outcomes", outcomes, o => o?.Code);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var path = $"outcomes[{i}]";
            if (outcomes[i] is { } outcome)
            {
                outcome.Validate(v, path);
            }
            else
            {
                v.Required(path, null);
            }
        }

        var steps = workflowSteps ?? [];
        v.Unique("workflowSteps", steps, s => s?.Code);
        for (var i = 0; i < steps.Count; i++)
        {
            var path = $"workflowSteps[{i}]";
            if (steps[i] is { } step)
            {
                step.Validate(v, path);
            }
            else
            {
                v.Required(path, null);
            }
        }

        var retry = retryPolicy ?? Campaigns.RetryPolicy.Default;
        retry.Validate(v, "retryPolicy");

        var cap = attemptCap ?? DefaultAttemptCap;
        v.Range("attemptCap", cap, 1, 100);

        var providers = paymentProviders ?? [];
        v.Unique("paymentProviders", providers, p => p);
        for (var i = 0; i < providers.Count; i++)
        {
            var provider = providers[i];
            if (v.Required($"paymentProviders[{i}]", provider) && !Common.PaymentProviders.IsKnown(provider))
            {
                v.Add($"paymentProviders[{i}]", $"'{Validator.Shorten(provider)}' is not a payment provider this CRM knows ({string.Join(", ", Common.PaymentProviders.Known)}).");
            }
        }

        if (quietHours is not null && Messaging.Sms.QuietHours.Parse(quietHours) is null)
        {
            v.Add("quietHours", "must be two times of day, HH:mm-HH:mm, such as 21:00-08:00 (on the recipient's clock; 00:00-00:00 for none).");
        }

        wallboard?.Validate(v, "wallboard");

        v.ThrowIfInvalid();
        return new Campaign(
            Validator.Present(name).Trim(),
            timeZone,
            hours,
            BuiltInOutcomes.MergeInto([.. outcomes.OfType<Outcome>()]),
            WorkflowStep.WithOutcomeStep([.. steps.OfType<WorkflowStep>()]),
            retry.WithDefaults(),
            cap,
            [.. providers.OfType<string>()],
            quietHours?.Trim(),
            wallboard?.WithDefaults());
    }

    /// <summary>The thresholds of the campaign's wallboard tile, defaults filled in.</summary>
    public WallboardThresholds WallboardThresholds() => Wallboard?.WithDefaults() ?? Campaigns.WallboardThresholds.Default;

    /// <summary>The campaign's quiet hours for automated SMS; null when it has none of its own (the setting applies).</summary>
    public Messaging.Sms.QuietHours? SmsQuietHours() => Messaging.Sms.QuietHours.Parse(QuietHours);
}
