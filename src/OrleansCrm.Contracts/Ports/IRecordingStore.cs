namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// Where call recordings live: beside the rest of the data (PostgreSQL in the PostgreSQL profile,
/// memory in the embedded one). One recording per call; saving again replaces it.
/// </summary>
public interface IRecordingStore
{
    Task<RecordingInfo> SaveAsync(string callId, string contentType, ReadOnlyMemory<byte> content, DateTimeOffset storedAt, CancellationToken cancellationToken = default);

    Task<(RecordingInfo Info, byte[] Content)?> GetAsync(string callId, CancellationToken cancellationToken = default);

    /// <summary>Removes the call's recording; removing one that is not there is not an error.</summary>
    Task DeleteAsync(string callId, CancellationToken cancellationToken = default);
}
