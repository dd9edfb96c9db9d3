namespace OrleansCrm.Testing;

/// <summary>One message as the sink received it: the envelope and the raw text after dot-unstuffing, lines ending in CRLF.</summary>
public sealed record ReceivedEmail(string From, IReadOnlyList<string> Recipients, string Raw)
{
    /// <summary>The raw message with quoted-printable soft breaks and folded header lines joined again, for searching its text.</summary>
    public string Text =>
        Raw.Replace("=\r\n", "", StringComparison.Ordinal).Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="address"/> is among the envelope's recipients (case-insensitive).</summary>
    public bool IsTo(string address) => Recipients.Contains(address, StringComparer.OrdinalIgnoreCase);
}
