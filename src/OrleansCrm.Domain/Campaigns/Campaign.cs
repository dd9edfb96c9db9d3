using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Campaigns;

/// <summary>
/// An outbound calling campaign: where its clock runs, when it may call, what agents can
/// record as the outcome of a call, how it retries and which payment providers it charges through.
/// <paramref name="QuietHours"/> ("21:00-08:00", on the recipient's wall clock) are when none of its automated SMS
/// goes out; unset, the <c>Sms:QuietHours</c> setting applies ("00:00-00:00" for none).
/// </summary>
public sealed record Campaign(
    string? Name,
    string? TimeZone,
    CallingHours? CallingHours,
    IReadOnlyList<Outcome>? Outcomes,
    IReadOnlyList<WorkflowStep>? WorkflowSteps,
    RetryPolicy? RetryPolicy,
    int? AttemptCap,
    IReadOnlyList<string>? PaymentProviders,
    string? QuietHours = null)
{
    public const int DefaultAttemptCap = 10;
    public const int MaxOutcomes = 100;

    /// <summary>Checks every field and returns the campaign as stored: defaults filled in, built-in outcomes and the outcome step present.</summary>
    public Campaign Validated()
    {
        var v = new Validator();
        v.Text("name", Name, Validator.NameMaxLength, required: true);
        v.TimeZone("timeZone", TimeZone);

        var hours = CallingHours ?? Campaigns.CallingHours.Default;
        hours.Validate(v, "callingHours");

        var outcomes = Outcomes ?? [];
        if (outcomes.Count > MaxOutcomes)
        {
            v.Add("outcomes", $"may hold at most {MaxOutcomes} outcomes.");
        }

        v.Unique("outcomes", outcomes, o => o?.Code);
        for (var i = 0; i < outcomes.Count; i++)
        {
            var path = $"outcomes[{i}]";
            if (v.Required(path, outcomes[i]))
            {
                outcomes[i].Validate(v, path);
            }
        }

        var steps = WorkflowSteps ?? [];
        v.Unique("workflowSteps", steps, s => s?.Code);
        for (var i = 0; i < steps.Count; i++)
        {
            var path = $"workflowSteps[{i}]";
            if (v.Required(path, steps[i]))
            {
                steps[i].Validate(v, path);
            }
        }

        var retry = RetryPolicy ?? Campaigns.RetryPolicy.Default;
        retry.Validate(v, "retryPolicy");

        var cap = AttemptCap ?? DefaultAttemptCap;
        v.Range("attemptCap", cap, 1, 100);

        var providers = PaymentProviders ?? [];
        v.Unique("paymentProviders", providers, p => p);
        for (var i = 0; i < providers.Count; i++)
        {
            var provider = providers[i];
            if (v.Required($"paymentProviders[{i}]", provider) && !Common.PaymentProviders.IsKnown(provider))
            {
                v.Add($"paymentProviders[{i}]", $"'{Validator.Shorten(provider)}' is not a payment provider this CRM knows ({string.Join(", ", Common.PaymentProviders.Known)}).");
            }
        }

        if (QuietHours is not null && Messaging.Sms.QuietHours.Parse(QuietHours) is null)
        {
            v.Add("quietHours", "must be two times of day, HH:mm-HH:mm, such as 21:00-08:00 (on the recipient's clock; 00:00-00:00 for none).");
        }

        v.ThrowIfInvalid();
        return this with
        {
            Name = Name!.Trim(),
            CallingHours = hours,
            Outcomes = BuiltInOutcomes.MergeInto(outcomes),
            WorkflowSteps = WorkflowStep.WithOutcomeStep(steps),
            RetryPolicy = retry.WithDefaults(),
            AttemptCap = cap,
            PaymentProviders = providers,
            QuietHours = QuietHours?.Trim(),
        };
    }

    /// <summary>The campaign's quiet hours for automated SMS; null when it has none of its own (the setting applies).</summary>
    public Messaging.Sms.QuietHours? SmsQuietHours() => Messaging.Sms.QuietHours.Parse(QuietHours);
}
