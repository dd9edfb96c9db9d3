using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansCrm.Infrastructure.Messaging.Sms;

/// <summary>
/// How the gateway signs what it posts to the CRM (delivery reports, inbound SMS): header <c>X-Sms-Timestamp</c> holds
/// the Unix time in seconds, header <c>X-Sms-Signature</c> holds <c>sha256=</c> and the lower-case hex HMAC-SHA256,
/// keyed with <c>Sms:WebhookSecret</c>, of the timestamp, a '.', and the raw body bytes. A timestamp more than
/// <see cref="Tolerance"/> away from the real clock (not the business clock, which the simulated clock may move) is refused, so a captured request cannot be replayed later.
/// </summary>
public static class SmsWebhookSignature
{
    public const string TimestampHeader = "X-Sms-Timestamp";
    public const string SignatureHeader = "X-Sms-Signature";

    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>True when the signature is the secret's for this timestamp and body, and the timestamp is fresh at <paramref name="now"/>.</summary>
    public static bool IsValid(string? secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secret) || signature is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        if ((DateTimeOffset.FromUnixTimeSeconds(seconds) - now).Duration() > Tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
