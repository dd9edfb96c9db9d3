using OrleansCrm.Contracts;
using OrleansCrm.Infrastructure.Hosting;

namespace OrleansCrm.Api.Edge;

/// <summary>
/// The limits of the HTTP edge (configuration section <c>Limits</c>), checked once at startup: a bad value stops
/// startup with a message naming its key.
/// </summary>
public sealed record EdgeSettings
{
    public const string Section = "Limits";

    /// <summary>The body limit of every route that names no other (JSON bodies are small).</summary>
    public long MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>A lead import: up to 10,000 rows of JSON or CSV.</summary>
    public long MaxLeadImportBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>A call recording (<c>Calls:MaxRecordingBytes</c>).</summary>
    public long MaxRecordingBytes { get; init; } = new CallOptions().MaxRecordingBytes;

    /// <summary>How long a request may take before it is stopped with a 504.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an upload (lead import, recording) may take: big bodies come slowly over an agent's line.</summary>
    public TimeSpan UploadTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Unknown API keys one address may present in a window before its requests with a key get 429.</summary>
    public WindowLimit FailedAuthentications { get; init; } = new(10, TimeSpan.FromMinutes(1));

    /// <summary>Requests one address may make to the anonymous trial-extension link in a window.</summary>
    public WindowLimit TrialExtensions { get; init; } = new(20, TimeSpan.FromMinutes(1));

    public long MaxBytesOf(BodyKind kind) => kind switch
    {
        BodyKind.LeadImport => MaxLeadImportBytes,
        BodyKind.Recording => MaxRecordingBytes,
        _ => MaxBodyBytes,
    };

    public static EdgeSettings From(IConfiguration configuration) => new()
    {
        MaxBodyBytes = Bytes(configuration, $"{Section}:MaxBodyBytes", 1024 * 1024),
        MaxLeadImportBytes = Bytes(configuration, $"{Section}:MaxLeadImportBytes", 10 * 1024 * 1024),
        MaxRecordingBytes = Bytes(configuration, $"{CallOptions.Section}:MaxRecordingBytes", new CallOptions().MaxRecordingBytes),
        RequestTimeout = SettingValues.Duration(configuration, $"{Section}:RequestTimeout", TimeSpan.FromSeconds(30)),
        UploadTimeout = SettingValues.Duration(configuration, $"{Section}:UploadTimeout", TimeSpan.FromMinutes(5)),
        FailedAuthentications = Window(configuration, $"{Section}:FailedAuthentications", new(10, TimeSpan.FromMinutes(1))),
        TrialExtensions = Window(configuration, $"{Section}:TrialExtensions", new(20, TimeSpan.FromMinutes(1))),
    };

    private static WindowLimit Window(IConfiguration configuration, string key, WindowLimit fallback) => new(
        (int)SettingValues.Whole(configuration, $"{key}:PermitLimit", fallback.PermitLimit, int.MaxValue),
        SettingValues.Duration(configuration, $"{key}:Window", fallback.Window));

    private static long Bytes(IConfiguration configuration, string key, long fallback) => SettingValues.Whole(configuration, key, fallback, long.MaxValue);
}
