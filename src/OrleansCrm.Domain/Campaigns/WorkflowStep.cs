using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Campaigns;

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
