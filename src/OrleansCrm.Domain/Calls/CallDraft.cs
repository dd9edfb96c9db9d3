using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// What an agent builds while the call is open. Confirming an outcome commits it; discarding the call (or its
/// timeout) drops it entirely. Free text is stored with card numbers redacted.
/// </summary>
public sealed record CallDraft([FreeText] string? Notes, Cart? Cart, AppointmentSlot? Appointment, string? LinkedOrderId, CustomerMessage? Message)
{
    public const int MaxNotes = 4000;
    public const int MaxSubject = 200;
    public const int MaxBody = 10_000;

    public static CallDraft Empty { get; } = new(null, null, null, null, null);

    public CallDraft Validated()
    {
        var v = new Validator();
        v.Text("notes", Notes, MaxNotes);
        var cart = Cart?.Validated(v, "cart");
        if (Appointment is not null)
        {
            v.Id("appointment.agentId", Appointment.AgentId, required: false);
            v.Required("appointment.start", Appointment.Start);
        }

        v.Id("linkedOrderId", LinkedOrderId, required: false);
        if (Message is not null)
        {
            v.Text("message.subject", Message.Subject, MaxSubject, required: true);
            v.Text("message.body", Message.Body, MaxBody, required: true);
            v.Id("message.templateId", Message.TemplateId, required: false);
        }

        v.ThrowIfInvalid();
        return new CallDraft(
            Redact(Notes),
            cart,
            Appointment,
            LinkedOrderId,
            Message is null ? null : Message with { Subject = Redact(Message.Subject), Body = Redact(Message.Body) });
    }

    private static string? Redact(string? text) => text is null ? null : CardNumbers.Redact(text.Trim());
}
