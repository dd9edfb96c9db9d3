namespace OrleansCrm.Contracts.Ports;

/// <summary>A stored call recording: its content type, size in bytes, SHA-256 (hex) and when it was stored.</summary>
public sealed record RecordingInfo(string CallId, string ContentType, long Size, string Sha256, DateTimeOffset StoredAt);
