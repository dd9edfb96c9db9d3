using System.Security.Cryptography;
using System.Text;

namespace OrleansCrm.Contracts;

/// <summary>A trial-extension token is looked up by its SHA-256, so the grain key (<see cref="ITrialExtensionTokenGrain"/>) is never the secret itself.</summary>
public static class TrialExtensionTokens
{
    public static string KeyOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
