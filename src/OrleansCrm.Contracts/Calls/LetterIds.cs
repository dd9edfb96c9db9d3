using System.Security.Cryptography;

namespace OrleansCrm.Contracts;

/// <summary>Opaque ids made of letters only (a run of digits in an id could look like a card number and be redacted).</summary>
public static class LetterIds
{
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
