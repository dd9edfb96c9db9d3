namespace OrleansCrm.Testing;

/// <summary>One POST /messages the local gateway answered, as it saw it.</summary>
public sealed record ReceivedSms(string ClientMessageId, string From, string To, string Text, string? Authorization, int AnsweredWith);
