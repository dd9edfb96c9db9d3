using System.Security.Cryptography;

namespace OrleansCrm.Contracts;

/// <summary>
/// Opaque ids made of letters only, the one way the service mints an id a client sends back: a run of digits in an id
/// could look like a card number, and the card-number guard would refuse the service's own id (a customer id of
/// hex digits did, one in a few hundred).
/// </summary>
public static class LetterIds
{
    /// <summary>The id of <paramref name="prefix"/> derived from a scope's hex digest (an Idempotency-Key's): the same scope, the same id.</summary>
    public static string From(string prefix, string hexDigest, int length = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hexDigest.Length, length);
        Span<char> letters = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            letters[i] = (char)('a' + Convert.ToInt32(hexDigest[i].ToString(), 16));
        }

        return prefix + "_" + new string(letters);
    }

    public static string New(string prefix)
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        Span<char> letters = stackalloc char[16];
        for (var i = 0; i < letters.Length; i++)
        {
            letters[i] = (char)('a' + (bytes[i] % 26));
        }

        return prefix + "_" + new string(letters);
    }
}
