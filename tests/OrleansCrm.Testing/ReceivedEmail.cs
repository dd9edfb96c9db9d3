namespace OrleansCrm.Testing;

/// <summary>One message as the sink received it: the envelope and the raw text after dot-unstuffing, lines ending in CRLF.</summary>
public sealed record ReceivedEmail(string From, IReadOnlyList<string> Recipients, string Raw);
