namespace OrleansCrm.Api.Apis;

/// <summary>
/// An agent's profile as the API reads and writes it: a name, an email for manager copies, the agenda's settings, the web-shop user (rep) the agent's shop orders carry.
/// Checked here by the domain's own rule before it reaches the agent's grain.
/// </summary>
public sealed record AgentProfile(string? Name, string? Email, AgendaSettings? Agenda, string? ShopUser = null)
{
    public static AgentProfile From(Domain.Calls.AgentProfile profile) => new(profile.Name, profile.Email, AgendaSettings.From(profile.Agenda), profile.ShopUser);

    /// <summary>
    /// The profile for the domain, checked by the domain's own rule (same fields, same messages): the agenda's defaults
    /// filled in, the name trimmed and redacted, the email and the shop user trimmed. The agent's grain stores it as given.
    /// </summary>
    public Domain.Calls.AgentProfile ToCommand() => Domain.Calls.AgentProfile.Checked(Name, Email, Agenda, ShopUser);
}
