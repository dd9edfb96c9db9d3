using OrleansCrm.Contracts;

namespace OrleansCrm.Api.Apis;

/// <summary>A do-not-call entry as the API shows it (OpenAPI schema <c>BlockedNumber</c>, as before).</summary>
public sealed record BlockedNumber(string Phone, BlockReason Reason, string? Note, DateTimeOffset At, string By)
{
    public static BlockedNumber From(Contracts.BlockedNumber b) => new(b.Phone, b.Reason, b.Note, b.At, b.By);
}
