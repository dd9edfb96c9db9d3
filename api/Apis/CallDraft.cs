using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// The draft as the API reads and shows it: notes, cart, appointment slot, linked order id, message to the customer.
/// Checked here by the domain's rule (<see cref="Domain.Calls.CallDraft.Checked"/>: same fields, same messages) before
/// it reaches the call's grain, which takes it only on an open call of its author.
/// </summary>
public sealed record CallDraft([FreeText] string? Notes, Cart? Cart, AppointmentSlot? Appointment, string? LinkedOrderId, CustomerMessage? Message)
{
    public static CallDraft From(Domain.Calls.CallDraft draft) => new(
        draft.Notes,
        draft.Cart is null ? null : Cart.From(draft.Cart),
        draft.Appointment is null ? null : AppointmentSlot.From(draft.Appointment),
        draft.LinkedOrderId,
        draft.Message is null ? null : CustomerMessage.From(draft.Message));

    /// <summary>The draft for the domain, checked: a bad one throws the domain's validation problem naming every field.</summary>
    public Domain.Calls.CallDraft ToCommand() => Domain.Calls.CallDraft.Checked(
        Notes, Cart?.ToDomain(), Appointment?.ToDomain(), LinkedOrderId, Message is null ? null : (Message.Subject, Message.Body, Message.CopyToManager, Message.TemplateId));
}
