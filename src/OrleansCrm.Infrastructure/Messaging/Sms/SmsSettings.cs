using System.Globalization;
using Microsoft.Extensions.Configuration;
using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Infrastructure.Messaging.Sms;

/// <summary>
/// Where SMS go: to the HTTP SMS gateway at <c>Sms:BaseUrl</c> (with <c>Sms:ApiKey</c>), otherwise as JSON files into
/// <c>Sms:PickupFolder</c>. <c>Sms:WebhookSecret</c> signs the gateway's delivery reports and inbound messages (without it
/// every webhook is refused). A class, not a record, so that no generated ToString prints a secret. Read once at startup;
/// a bad value stops startup with a message naming its key.
/// </summary>
public sealed class SmsSettings
{
    public const string BaseUrlKey = "Sms:BaseUrl";
    public const string ApiKeyKey = "Sms:ApiKey";
    public const string WebhookSecretKey = "Sms:WebhookSecret";
    public const string SenderKey = "Sms:Sender";
    public const string PickupFolderKey = "Sms:PickupFolder";
    public const string RetriesKey = "Sms:Retries";
    public const string RetryDelayKey = "Sms:RetryDelayMilliseconds";
    public const string QuietHoursKey = "Sms:QuietHours";
    public const string FrequencyCapKey = "Sms:FrequencyCap";
    public const string FrequencyWindowKey = "Sms:FrequencyWindowHours";

    public static string DefaultPickupFolder => Path.Combine(Path.GetTempPath(), "orleanscrm-sms");

    /// <summary>The gateway, or null to write to the pickup folder.</summary>
    public Uri? BaseUrl { get; init; }

    public string? ApiKey { get; init; }

    public string? WebhookSecret { get; init; }

    /// <summary>The sender id or number a message without its own goes out with.</summary>
    public string Sender { get; init; } = "OrleansCrm";

    public string PickupFolder { get; init; } = DefaultPickupFolder;

    /// <summary>How often the HTTP client itself retries a 429, a 5xx or a timeout before the outbox's backoff takes over.</summary>
    public int Retries { get; init; } = 2;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one request may take; the whole of one send (with its retries) stays under the outbox's attempt timeout.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(8);

    public QuietHours? QuietHours { get; init; } = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    public FrequencyCap FrequencyCap { get; init; } = new(3, TimeSpan.FromHours(24));

    public static SmsSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var baseUrl = Text(configuration, BaseUrlKey);
        Uri? uri = null;
        if (baseUrl is not null && (!Uri.TryCreate(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https")))
        {
            throw new InvalidOperationException($"Configuration '{BaseUrlKey}' must be an absolute http(s) URL such as https://sms.example.com/v1; it is '{baseUrl}'.");
        }

        var apiKey = Text(configuration, ApiKeyKey);
        if (uri is null && apiKey is not null)
        {
            throw new InvalidOperationException($"Configuration '{ApiKeyKey}' is set but '{BaseUrlKey}' is not: set '{BaseUrlKey}' to send through the gateway, or remove '{ApiKeyKey}' to write SMS to the pickup folder.");
        }

        var quiet = Text(configuration, QuietHoursKey);
        var quietHours = configuration[QuietHoursKey] is null
            ? new QuietHours(new TimeOnly(21, 0), new TimeOnly(8, 0))
            : quiet is null ? null : Domain.Messaging.Sms.QuietHours.Parse(quiet)
                ?? throw new InvalidOperationException($"Configuration '{QuietHoursKey}' must be two times of day such as 21:00-08:00 (empty for none); it is '{quiet}'.");

        return new SmsSettings
        {
            BaseUrl = uri,
            ApiKey = apiKey,
            WebhookSecret = Text(configuration, WebhookSecretKey),
            Sender = Text(configuration, SenderKey) ?? "OrleansCrm",
            PickupFolder = Text(configuration, PickupFolderKey) ?? DefaultPickupFolder,
            Retries = Number(configuration, RetriesKey, 2, 0, 10),
            RetryDelay = TimeSpan.FromMilliseconds(Number(configuration, RetryDelayKey, 500, 0, 60_000)),
            QuietHours = quietHours,
            FrequencyCap = new FrequencyCap(Number(configuration, FrequencyCapKey, 3, 0, 1000), TimeSpan.FromHours(Number(configuration, FrequencyWindowKey, 24, 1, 24 * 31))),
        };
    }

    private static int Number(IConfiguration configuration, string key, int fallback, int min, int max)
    {
        var value = Text(configuration, key);
        if (value is null)
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new InvalidOperationException($"Configuration '{key}' must be a whole number from {min} to {max}; it is '{value}'.");
    }

    private static string? Text(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
