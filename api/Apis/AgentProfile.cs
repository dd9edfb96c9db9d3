namespace OrleansCrm.Api.Apis;

/// <summary>
/// An agent's profile as the API reads and writes it: a name, an email for manager copies, the agenda's settings, the web-shop user (rep) the agent's shop orders carry.
/// Checked here by the domain's own rule before it reaches the agent's grain.
/// </summary>
public sealed record AgentProfile(string? Name, string? Email, AgendaSettings? Agenda, string? ShopUser = null)
{
    public static AgentProfile From(Domain.Calls.AgentProfile profile) => new(profile.Name, profile.Email, profile.Agenda is null ? null : AgendaSettings.From(profile.Agenda), profile.ShopUser);

    /// <summary>The profile for the domain, checked: a bad one throws the domain's validation problem (same fields, same messages).</summary>
    public Domain.Calls.AgentProfile ToDomain()
    {
        var profile = new Domain.Calls.AgentProfile(Name, Email, Agenda?.ToDomain(), ShopUser);
        profile.Validated();
        return profile;
    }
}
