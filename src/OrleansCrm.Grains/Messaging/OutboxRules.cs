using System.Security.Cryptography;
using System.Text;

namespace OrleansCrm.Grains.Messaging;

/// <summary>The outbox's fixed rules, for every channel: how a key becomes an id, and how long a failed message waits.</summary>
public static class OutboxRules
{
    /// <summary>The waits after each failed attempt; the attempt after the last wait is the last one.</summary>
    public static IReadOnlyList<TimeSpan> Backoff { get; } =
    [
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2),
        TimeSpan.FromHours(6),
    ];

    /// <summary>The first attempt plus one retry per backoff step.</summary>
    public static int MaxAttempts => Backoff.Count + 1;

    /// <summary>
    /// The RFC 5322 msg-id of the message with this key, angle brackets included: the same key always
    /// gives the same id, so a receiver can recognise a repeated delivery.
    /// </summary>
    public static string MessageIdFor(string key)
    {
        return "<" + Hex(key) + "@orleanscrm>";
    }

    /// <summary>The message log's id of the email with this key: the hex of its Message-Id, prefixed.</summary>
    public static string EmailLogIdFor(string key) => "em_" + Hex(key);

    /// <summary>
    /// The client message id of the SMS with this key, which the gateway sees and its reports name: the same key always gives
    /// the same id (the gateway's idempotency), and it is the SMS's id in the message log too.
    /// </summary>
    public static string SmsMessageIdFor(string key) => "sms_" + Hex(key);

    private static string Hex(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16);
    }

    /// <summary>How long to wait after failed attempt number <paramref name="attempt"/> (1-based), or null when it was the last.</summary>
    public static TimeSpan? WaitAfter(int attempt) =>
        attempt >= 1 && attempt <= Backoff.Count ? Backoff[attempt - 1] : null;
}
