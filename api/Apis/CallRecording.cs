namespace OrleansCrm.Api.Apis;

/// <summary>A call's recording as the call shows it (OpenAPI schema <c>CallRecording</c>, as before).</summary>
public sealed record CallRecording(string ContentType, long Size, string Sha256, DateTimeOffset StoredAt)
{
    public static CallRecording From(Domain.Calls.CallRecording r) => new(r.ContentType, r.Size, r.Sha256, r.StoredAt);
}
