using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// An agent as the agenda and the outcome messages know them: a name, an email for manager copies (both optional),
/// the agenda's settings (always set). Built by <see cref="Checked"/> from what a client sent (the api's body).
/// </summary>
public sealed record AgentProfile(string? Name, string? Email, AgendaSettings Agenda)
{
    /// <summary>Checks a profile as sent and returns it with the agenda's defaults filled in and the name redacted, or throws the validation problem.</summary>
    public static AgentProfile Checked(string? name, string? email, ISentAgendaSettings? agenda)
    {
        var v = new Validator();
        var trimmedEmail = email?.Trim();
        v.Text("name", name, Validator.NameMaxLength);
        v.Email("email", trimmedEmail);
        var settings = AgendaSettings.Checked(v, "agenda", agenda);
        v.ThrowIfInvalid();
        return new AgentProfile(name is null ? null : CardNumbers.Redact(name.Trim()), trimmedEmail, settings);
    }
}
