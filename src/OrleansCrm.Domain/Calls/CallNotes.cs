namespace OrleansCrm.Domain.Calls;

/// <summary>Why an outcome changed something elsewhere, as the note there says: the order a refusal cancels, the number an invalid contact blocks.</summary>
public static class CallNotes
{
    public static string RefusalOn(string callId, string? comment) => $"Refusal on call {callId}{(comment is null ? "" : ": " + comment)}";

    public static string InvalidContactOn(string callId) => $"Invalid contact on call {callId}";
}
