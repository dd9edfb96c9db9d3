using System.Security.Cryptography;
using System.Text;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Orders;

/// <summary>
/// A request a client sent under an <c>Idempotency-Key</c> (API.md): <paramref name="Key"/> names it within its scope
/// (on an order, the client's key; before anything exists, <see cref="ScopeOf"/> the client, the purpose and the key),
/// <paramref name="Fingerprint"/> what the request asked. The one rule for every such route: the same key with the same request is a retry and gets the first answer;
/// the same key with another request is refused.
/// </summary>
public sealed record ClientRequest(string Key, string Fingerprint)
{
    /// <summary>The one way a client's key becomes a scope key: hashed with who sent it and what it is for.</summary>
    public static string ScopeOf(string? purpose, string user, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(purpose is null ? $"{user}\n{key}" : $"{purpose}\n{user}\n{key}")));

    /// <summary>
    /// Whether this request repeats one answered under the same key (<paramref name="answered"/>'s fingerprint; null when
    /// the key is new). The same key for another request is a mistake, refused with the one 409.
    /// </summary>
    public bool Repeats(string? answered) =>
        answered is not null && (answered == Fingerprint ? true : throw Reused());

    public static DomainException Reused() =>
        DomainException.Conflict("Idempotency-Key reused", "This Idempotency-Key was already used for a different request; use a new key for a new request.");
}
