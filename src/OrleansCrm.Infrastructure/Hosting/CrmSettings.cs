using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace OrleansCrm.Infrastructure.Hosting;

/// <summary>
/// Every setting the hosts read, checked once at startup. A missing or bad value stops startup
/// with a message naming its configuration key.
/// </summary>
public sealed record CrmSettings
{
    public const string ConnectionStringKey = "ConnectionStrings:Crm";
    public const string SimulatedClockKey = "Clock:Simulated";
    public const string SimulatedStartKey = "Clock:SimulatedStart";
    public const string CoHostSiloKey = "Api:CoHostSilo";
    public const string PublicBaseUrlKey = "Crm:PublicBaseUrl";
    public const string AdvertisedIpKey = "Orleans:AdvertisedIP";
    public const string SiloHealthPortKey = "Silo:HealthPort";

    /// <summary>Where the links in customer emails point (the trial extension); only Development may leave it to the default.</summary>
    public static readonly Uri DevelopmentPublicBaseUrl = new("http://localhost:5080");

    /// <summary>PostgreSQL connection string; null means the embedded in-memory profile.</summary>
    public string? ConnectionString { get; init; }

    public bool UsesPostgres => ConnectionString is not null;

    public string ClusterId { get; init; } = "orleans-crm";

    public string ServiceId { get; init; } = "orleans-crm";

    public int SiloPort { get; init; } = 11111;

    public int GatewayPort { get; init; } = 30000;

    public IPAddress AdvertisedIp { get; init; } = IPAddress.Loopback;

    /// <summary>
    /// <c>Orleans:AdvertisedIP</c> = <c>auto</c> (a container whose address is known only when it runs): the host's
    /// first IPv4 address other than loopback is advertised and the silo listens on every address.
    /// </summary>
    public bool ListenOnAnyAddress { get; init; }

    /// <summary><c>Silo:HealthPort</c>: where a headless silo answers <c>/health/live</c> and <c>/health/ready</c>; null (the default) is off.</summary>
    public int? SiloHealthPort { get; init; }

    /// <summary><c>Orleans:Kubernetes</c>: the silo runs in a Kubernetes pod (Microsoft.Orleans.Hosting.Kubernetes).</summary>
    public bool Kubernetes { get; init; }

    /// <summary>Whether the API process runs a silo itself (default) or joins the cluster as a client.</summary>
    public bool CoHostSilo { get; init; } = true;

    public bool SimulatedClock { get; init; }

    /// <summary><c>Clock:SimulatedStart</c>: the instant the simulated clock starts at (a test of a date in the past, such as a DST day); null is real now.</summary>
    public DateTimeOffset? SimulatedStart { get; init; }

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxDueTime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The public address customers reach the api at: the links in their emails start with it.</summary>
    public Uri PublicBaseUrl { get; init; } = DevelopmentPublicBaseUrl;

    /// <summary>
    /// How long a grain call waits for its answer before it fails (Orleans' default is 30 s). It is what a request waits
    /// when the silo it was sent to dies and nothing else notices: an api running as a cluster client never hears of
    /// silo deaths, so its calls in flight to a killed silo end only here. 15 s is ten times a slow call of this
    /// workload (a 1,000-lead import batch on a busy database takes a few seconds; an email attempt is cut at 10 s)
    /// and half of Orleans' default.
    /// </summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The silos' liveness probe timeout, which is also their period (Orleans' default is 5 s, adapting between half
    /// and four times it). A probe is a ping between silos on one network, answered in milliseconds even on a busy
    /// 2-core host; 2 s with <see cref="MissedProbesLimit"/> declares a killed silo dead in about 6 s, when Orleans fails
    /// the calls in flight to it at once (a co-hosted api's too), instead of the ~15–30 s of the defaults.
    /// </summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many probes in a row a silo may miss before it is suspected (Orleans' default, kept: fewer would declare a silo dead over one GC pause).</summary>
    public int MissedProbesLimit { get; init; } = 3;

    /// <summary>
    /// The pooled-connection settings the service runs best with, unless the connection string sets them itself:
    /// no <c>DISCARD ALL</c> on every reuse of a pooled connection (half the commits of a call cycle; the CRM keeps no
    /// session state), its few hot statements prepared automatically, and at most <see cref="DefaultMaxPoolSize"/>
    /// connections per pool. A process has two pools on one connection string (Orleans' providers and the read model's
    /// data source), so it holds at most twice that: with Npgsql's default of 100 per pool, one busy silo could take
    /// more than PostgreSQL's default <c>max_connections</c> (100) and have writes refused (53300) after an effect
    /// (an email accepted by SMTP whose <c>Sent</c> record then failed, so it was sent again). A full pool waits for a
    /// connection instead.
    /// </summary>
    public static string WithPoolDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 20;
        }

        if (!given.ContainsKey("Auto Prepare Min Usages") && !given.ContainsKey("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.ContainsKey("Maximum Pool Size") && !given.ContainsKey("MaxPoolSize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        return builder.ConnectionString;
    }

    /// <summary>Connections per pool unless the connection string says otherwise (see <see cref="WithPoolDefaults"/>).</summary>
    public const int DefaultMaxPoolSize = 20;

    public static CrmSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var connectionString = configuration[ConnectionStringKey];
        var settings = new CrmSettings
        {
            ConnectionString = string.IsNullOrWhiteSpace(connectionString) ? null : WithPoolDefaults(connectionString),
            ClusterId = Text(configuration, "Orleans:ClusterId", "orleans-crm"),
            ServiceId = Text(configuration, "Orleans:ServiceId", "orleans-crm"),
            SiloPort = Port(configuration, "Orleans:SiloPort", 11111),
            GatewayPort = Port(configuration, "Orleans:GatewayPort", 30000),
            AdvertisedIp = Ip(configuration, AdvertisedIpKey, IPAddress.Loopback),
            ListenOnAnyAddress = IsAuto(configuration[AdvertisedIpKey]),
            Kubernetes = Flag(configuration, "Orleans:Kubernetes", false),
            SiloHealthPort = string.IsNullOrWhiteSpace(configuration[SiloHealthPortKey]) ? null : Port(configuration, SiloHealthPortKey, 0),
            CoHostSilo = Flag(configuration, CoHostSiloKey, true),
            SimulatedClock = Flag(configuration, SimulatedClockKey, false),
            SimulatedStart = Instant(configuration, SimulatedStartKey),
            RetryPeriod = SettingValues.Duration(configuration, "Scheduling:RetryPeriod", TimeSpan.FromMinutes(1)),
            MaxDueTime = SettingValues.Duration(configuration, "Scheduling:MaxDueTime", TimeSpan.FromDays(7)),
            ResponseTimeout = SettingValues.Duration(configuration, "Orleans:ResponseTimeout", TimeSpan.FromSeconds(15)),
            ProbeTimeout = SettingValues.Duration(configuration, "Orleans:ProbeTimeout", TimeSpan.FromSeconds(2)),
            MissedProbesLimit = Count(configuration, "Orleans:MissedProbesLimit", 3),
        };

        if (settings.SimulatedClock && environment.IsProduction())
        {
            throw new InvalidOperationException($"Configuration '{SimulatedClockKey}' is true, but the simulated clock is refused in the Production environment.");
        }

        if (settings.SimulatedStart is not null && !settings.SimulatedClock)
        {
            throw new InvalidOperationException($"Configuration '{SimulatedStartKey}' is set, but only the simulated clock ('{SimulatedClockKey}' = true) can start at a chosen instant.");
        }

        if (settings.SimulatedClock && !settings.CoHostSilo)
        {
            throw new InvalidOperationException($"Configuration '{SimulatedClockKey}' needs '{CoHostSiloKey}' = true: the simulated clock drives the silo of its own process.");
        }

        if (!settings.CoHostSilo && !settings.UsesPostgres)
        {
            throw new InvalidOperationException($"Configuration '{CoHostSiloKey}' is false, so the API joins a cluster as a client, which needs '{ConnectionStringKey}' to find it.");
        }

        return settings with { PublicBaseUrl = PublicUrl(configuration, environment) };
    }

    private static string Text(IConfiguration configuration, string key, string fallback)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
    }

    /// <summary>A customer clicking a link to localhost reaches nothing: outside Development the address must be given.</summary>
    private static Uri PublicUrl(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration[PublicBaseUrlKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return environment.IsDevelopment()
                ? DevelopmentPublicBaseUrl
                : throw new InvalidOperationException(
                    $"Configuration '{PublicBaseUrlKey}' is required outside Development: the links in customer emails (the trial extension) start with it, e.g. https://crm.example.com.");
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
               && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment) && string.IsNullOrEmpty(url.UserInfo)
            ? url
            : throw new InvalidOperationException($"Configuration '{PublicBaseUrlKey}' must be an absolute http or https address without query or fragment, e.g. https://crm.example.com; it is '{value}'.");
    }

    private static int Port(IConfiguration configuration, string key, int fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidOperationException($"Configuration '{key}' must be a port number from 1 to 65535; it is '{value}'.");
    }

    /// <summary>An instant with its offset (ISO 8601, e.g. 2026-03-07T12:00:00Z); null when not given.</summary>
    private static DateTimeOffset? Instant(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var hasOffset = text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"T.*[+-]\d{2}:\d{2}$");
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : throw new InvalidOperationException($"Configuration '{key}' must be an instant with its offset, e.g. 2026-03-07T12:00:00Z; it is '{value}'.");
    }

    private static int Count(IConfiguration configuration, string key, int fallback) => (int)SettingValues.Whole(configuration, key, fallback, 100);

    private static bool IsAuto(string? value) => string.Equals(value?.Trim(), "auto", StringComparison.OrdinalIgnoreCase);

    private static IPAddress Ip(IConfiguration configuration, string key, IPAddress fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (IsAuto(value))
        {
            return Dns.GetHostAddresses(Dns.GetHostName())
                .Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                .OrderBy(a => a.ToString(), StringComparer.Ordinal)
                .FirstOrDefault()
                ?? throw new InvalidOperationException($"Configuration '{key}' is 'auto', but this host has no IPv4 address other than loopback; give the address.");
        }

        return IPAddress.TryParse(value, out var ip)
            ? ip
            : throw new InvalidOperationException($"Configuration '{key}' must be an IP address; it is '{value}'.");
    }

    private static bool Flag(IConfiguration configuration, string key, bool fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return bool.TryParse(value, out var flag)
            ? flag
            : throw new InvalidOperationException($"Configuration '{key}' must be true or false; it is '{value}'.");
    }
}
