using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Contracts.Wire.Campaigns;

/// <summary>A step of a campaign's call workflow (<see cref="WorkflowStep"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.WorkflowStep.v1")]
public readonly record struct WorkflowStepSurrogate(
    [property: Id(0)] string? Code,
    [property: Id(1)] string? Label,
    [property: Id(2)] bool Mandatory);

/// <summary>Turns a <see cref="WorkflowStep"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class WorkflowStepConverter : IConverter<WorkflowStep, WorkflowStepSurrogate>
{
    public WorkflowStep ConvertFromSurrogate(in WorkflowStepSurrogate s) => new(s.Code, s.Label, s.Mandatory);

    public WorkflowStepSurrogate ConvertToSurrogate(in WorkflowStep m) => new(m.Code, m.Label, m.Mandatory);
}
