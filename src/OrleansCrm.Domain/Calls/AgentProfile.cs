using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// An agent as the agenda and the outcome messages know them: a name, an email for manager copies (both optional),
/// the agenda's settings (always set), and the web-shop user the agent's shop orders carry as their rep (optional).
/// Built by <see cref="Checked"/> from what a client sent (the api's body).
/// </summary>
public sealed record AgentProfile(string? Name, string? Email, AgendaSettings Agenda, string? ShopUser = null)
{
    /// <summary>Checks a profile as sent and returns it with the agenda's defaults filled in and the name redacted, or throws the validation problem.</summary>
    public static AgentProfile Checked(string? name, string? email, ISentAgendaSettings? agenda, string? shopUser = null)
    {
        var v = new Validator();
        var trimmedEmail = email?.Trim();
        v.Text("name", name, Validator.NameMaxLength);
        v.Email("email", trimmedEmail);
        v.Text("shopUser", shopUser, Validator.NameMaxLength);
        var settings = AgendaSettings.Checked(v, "agenda", agenda);
        v.ThrowIfInvalid();
        return new AgentProfile(name is null ? null : CardNumbers.Redact(name.Trim()), trimmedEmail, settings, string.IsNullOrWhiteSpace(shopUser) ? null : shopUser.Trim());
    }
}
