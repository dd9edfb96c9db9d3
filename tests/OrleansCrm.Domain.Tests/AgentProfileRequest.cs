using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Domain.Tests;

/// <summary>An agent's profile as a client may send it (the api's <c>AgentProfile</c> body has this shape); <see cref="Validated"/> runs the domain's check.</summary>
public sealed record AgentProfileRequest(string? Name, string? Email, AgendaRequest? Agenda)
{
    public AgentProfile Validated() => AgentProfile.Checked(Name, Email, Agenda);
}
