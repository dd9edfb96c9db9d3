using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// What an agent builds while the call is open. Confirming an outcome commits it; discarding the call (or its
/// timeout) drops it entirely. Free text is stored with card numbers redacted. Built by <see cref="Checked"/> from
/// what a client sent (the api's body): a draft's message always has its subject and body.
/// </summary>
public sealed record CallDraft([FreeText] string? Notes, Cart? Cart, AppointmentSlot? Appointment, string? LinkedOrderId, CustomerMessage? Message)
{
    public const int MaxNotes = 4000;
    public const int MaxSubject = 200;
    public const int MaxBody = 10_000;

    public static CallDraft Empty { get; } = new(null, null, null, null, null);

    /// <summary>
    /// Checks a draft as sent and makes it: notes, the message's subject and body and the cart's products trimmed
    /// with card numbers redacted, the cart's currency upper-cased and its quantities defaulted to 1. Throws the
    /// validation problem (every field at once) otherwise.
    /// </summary>
    public static CallDraft Checked(
        string? notes,
        Cart? cart,
        AppointmentSlot? appointment,
        string? linkedOrderId,
        (string? Subject, string? Body, bool CopyToManager, string? TemplateId)? message)
    {
        var v = new Validator();
        v.Text("notes", notes, MaxNotes);
        var checkedCart = cart?.Validated(v, "cart");
        if (appointment is not null)
        {
            v.Id("appointment.agentId", appointment.AgentId, required: false);
            v.Required("appointment.start", appointment.Start);
        }

        v.Id("linkedOrderId", linkedOrderId, required: false);
        if (message is { } m)
        {
            v.Text("message.subject", m.Subject, MaxSubject, required: true);
            v.Text("message.body", m.Body, MaxBody, required: true);
            v.Id("message.templateId", m.TemplateId, required: false);
        }

        v.ThrowIfInvalid();
        return new CallDraft(
            notes is null ? null : Redact(notes),
            checkedCart,
            appointment,
            linkedOrderId,
            message is { } text ? new CustomerMessage(Redact(text.Subject ?? ""), Redact(text.Body ?? ""), text.CopyToManager, text.TemplateId) : null);
    }

    private static string Redact(string text) => CardNumbers.Redact(text.Trim());
}
