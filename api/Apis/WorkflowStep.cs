namespace OrleansCrm.Api.Apis;

/// <summary>A step of a campaign's call workflow as the API reads and shows it (OpenAPI schema <c>WorkflowStep</c>, as before).</summary>
public sealed record WorkflowStep(string? Code, string? Label, bool Mandatory = false)
{
    public static WorkflowStep From(Domain.Campaigns.WorkflowStep s) => new(s.Code, s.Label, s.Mandatory);

    public Domain.Campaigns.WorkflowStep ToDomain() => new(Code, Label, Mandatory);
}
