using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Domain.Calls;

/// <summary>Why an outcome changed something elsewhere, as the note there says: the order a refusal cancels, the number an invalid contact blocks.</summary>
public static class CallNotes
{
    public static Wording RefusalOn(string callId, string? comment) => CallWording.RefusalOn.With(callId, comment);

    public static Wording InvalidContactOn(string callId) => CallWording.InvalidContactOn.With(callId);
}
