namespace OrleansCrm.Domain.Calls;

/// <summary>The recording of the conversation, stored beside the rest of the data.</summary>
public sealed record CallRecording(string ContentType, long Size, string Sha256, DateTimeOffset StoredAt);
