using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>An agent as the agenda and the outcome messages know them: a name, an email for manager copies, the agenda's settings, and the web-shop user the agent's shop orders carry as their rep.</summary>
public sealed record AgentProfile(string? Name, string? Email, AgendaSettings? Agenda, string? ShopUser = null)
{
    public AgentProfile Validated()
    {
        var v = new Validator();
        var email = Email?.Trim();
        v.Text("name", Name, Validator.NameMaxLength);
        v.Email("email", email);
        v.Text("shopUser", ShopUser, Validator.NameMaxLength);
        var agenda = (Agenda ?? AgendaSettings.Default).Validated(v, "agenda");
        v.ThrowIfInvalid();
        return new AgentProfile(Name is null ? null : CardNumbers.Redact(Name.Trim()), email, agenda, string.IsNullOrWhiteSpace(ShopUser) ? null : ShopUser.Trim());
    }
}
