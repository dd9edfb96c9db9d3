using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// The draft as the API reads and shows it: notes, cart, appointment slot, linked order id, message to the customer.
/// The call's grain checks it by the domain's rule once it has found the call open and the agent its author (a closed
/// or unknown call answers first, as before).
/// </summary>
public sealed record CallDraft([FreeText] string? Notes, Cart? Cart, AppointmentSlot? Appointment, string? LinkedOrderId, CustomerMessage? Message)
{
    public static CallDraft From(Domain.Calls.CallDraft draft) => new(
        draft.Notes,
        draft.Cart is null ? null : Cart.From(draft.Cart),
        draft.Appointment is null ? null : AppointmentSlot.From(draft.Appointment),
        draft.LinkedOrderId,
        draft.Message is null ? null : CustomerMessage.From(draft.Message));

    public Domain.Calls.CallDraft ToDomain() => new(Notes, Cart?.ToDomain(), Appointment?.ToDomain(), LinkedOrderId, Message?.ToDomain());
}
