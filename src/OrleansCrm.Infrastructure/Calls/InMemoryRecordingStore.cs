using OrleansCrm.Contracts.Ports;
using System.Security.Cryptography;

namespace OrleansCrm.Infrastructure.Calls;

/// <summary>The embedded profile's recordings: the same contract as PostgreSQL, kept in this process.</summary>
public sealed class InMemoryRecordingStore : IRecordingStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (RecordingInfo Info, byte[] Content)> recordings = new(StringComparer.Ordinal);

    public Task<RecordingInfo> SaveAsync(string callId, string contentType, ReadOnlyMemory<byte> content, DateTimeOffset storedAt, CancellationToken cancellationToken = default)
    {
        var bytes = content.ToArray();
        var info = new RecordingInfo(callId, contentType, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), storedAt);
        lock (gate)
        {
            recordings[callId] = (info, bytes);
        }

        return Task.FromResult(info);
    }

    public Task<(RecordingInfo Info, byte[] Content)?> GetAsync(string callId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            // A copy, as a database read would hand out: the caller may do what it likes with its bytes.
            (RecordingInfo Info, byte[] Content)? found = recordings.TryGetValue(callId, out var stored) ? (stored.Info, stored.Content.ToArray()) : null;
            return Task.FromResult(found);
        }
    }

    public Task DeleteAsync(string callId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            recordings.Remove(callId);
        }

        return Task.CompletedTask;
    }
}
