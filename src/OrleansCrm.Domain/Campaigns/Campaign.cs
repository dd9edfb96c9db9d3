using System.Globalization;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Campaigns;

/// <summary>
/// An outbound calling campaign: where its clock runs, when it may call, what agents can
/// record as the outcome of a call, how it retries and which payment providers it charges through.
/// </summary>
public sealed record Campaign(
    string? Name,
    string? TimeZone,
    CallingHours? CallingHours,
    IReadOnlyList<Outcome>? Outcomes,
    IReadOnlyList<WorkflowStep>? WorkflowSteps,
    RetryPolicy? RetryPolicy,
    int? AttemptCap,
    IReadOnlyList<string>? PaymentProviders)
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
        };
    }
}

/// <summary>The daily window in which a contact may be called, in the contact's own time zone.</summary>
public sealed record CallingHours(string? Start, string? End)
{
    public static CallingHours Default { get; } = new("09:00", "20:00");

    // Methods, not properties: records cross grain calls as JSON, and a property would be serialized (and parsed) too.
    public TimeOnly StartsAt() => Parse(Start!);

    public TimeOnly EndsAt() => Parse(End!);

    internal void Validate(Validator v, string path) => ValidateAs(v, path, "start", "end");

    /// <summary>Checks the window with its fields named as the caller's document names them.</summary>
    public void ValidateAs(Validator v, string path, string startName, string endName)
    {
        var startOk = Check(v, $"{path}.{startName}", Start);
        var endOk = Check(v, $"{path}.{endName}", End);
        if (startOk && endOk && StartsAt() >= EndsAt())
        {
            v.Add($"{path}.{endName}", "must be later than the start.");
        }
    }

    private static bool Check(Validator v, string field, string? value)
    {
        if (!v.Required(field, value))
        {
            return false;
        }

        if (value!.Length != 5 || !TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            v.Add(field, "must be a local time as HH:mm (e.g. 09:00).");
            return false;
        }

        return true;
    }

    private static TimeOnly Parse(string value) => TimeOnly.ParseExact(value, "HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>
/// When an unanswered contact comes back: the first retry after <see cref="FirstRetryMinutes"/>,
/// each further one <see cref="NextRetryMinutes"/> after that call; a private callback left
/// <see cref="PrivateCallbackGraceMinutes"/> overdue is opened to every agent.
/// </summary>
public sealed record RetryPolicy(int? FirstRetryMinutes = null, int? NextRetryMinutes = null, int? PrivateCallbackGraceMinutes = null)
{
    public static RetryPolicy Default { get; } = new(60, 1440, 30);

    public RetryPolicy WithDefaults() => new(
        FirstRetryMinutes ?? Default.FirstRetryMinutes,
        NextRetryMinutes ?? Default.NextRetryMinutes,
        PrivateCallbackGraceMinutes ?? Default.PrivateCallbackGraceMinutes);

    internal void Validate(Validator v, string path)
    {
        v.Range($"{path}.firstRetryMinutes", FirstRetryMinutes ?? Default.FirstRetryMinutes!.Value, 1, 60 * 24 * 30);
        v.Range($"{path}.nextRetryMinutes", NextRetryMinutes ?? Default.NextRetryMinutes!.Value, 1, 60 * 24 * 30);
        v.Range($"{path}.privateCallbackGraceMinutes", PrivateCallbackGraceMinutes ?? Default.PrivateCallbackGraceMinutes!.Value, 0, 60 * 24 * 30);
    }
}

/// <summary>A step an agent walks through on a call; only the outcome step is mandatory.</summary>
public sealed record WorkflowStep(string? Code, string? Label, bool Mandatory = false)
{
    public const string OutcomeCode = "outcome";

    public static IReadOnlyList<WorkflowStep> WithOutcomeStep(IReadOnlyList<WorkflowStep> steps)
    {
        var result = steps.Select(s => s with { Mandatory = s.Code == OutcomeCode }).ToList();
        if (!result.Any(s => s.Code == OutcomeCode))
        {
            result.Add(new WorkflowStep(OutcomeCode, "Outcome", Mandatory: true));
        }

        return result;
    }

    internal void Validate(Validator v, string path)
    {
        v.Id($"{path}.code", Code);
        v.Text($"{path}.label", Label, Validator.NameMaxLength, required: true);
        if (Mandatory && Code != OutcomeCode)
        {
            v.Add($"{path}.mandatory", "only the outcome step is mandatory.");
        }
    }
}
