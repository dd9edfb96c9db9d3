using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using OrleansCrm.Api.Auth;
using OrleansCrm.Infrastructure.Hosting;
using OrleansCrm.Infrastructure.Telemetry;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// Docker and Kubernetes cannot run here, so what the deploy files can get wrong without them is checked: every
/// setting that deploy/docker and deploy/kubernetes pass to our processes is one the code reads, spelled as the
/// code reads it (a misspelt key is silently ignored by .NET configuration). The files' settings are fed to the
/// hosts' own readers through a configuration that records every key looked up; a key nobody looked up fails.
/// </summary>
public sealed partial class DeploySettingsTests
{
    /// <summary>Names read by the platform, not by our code: the runtime, ASP.NET Core, Orleans' Kubernetes hosting, the postgres image.</summary>
    private static readonly HashSet<string> PlatformNames = new(StringComparer.Ordinal)
    {
        "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "Urls",
        "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID",
        "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB",
    };

    public static TheoryData<string> DeployFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "deploy", "docker")).Concat(Directory.EnumerateFiles(Path.Combine(Root, "deploy", "kubernetes"))).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DeployFiles))]
    public void Every_setting_a_deploy_file_passes_is_read_by_the_code_under_that_spelling(string file)
    {
        var settings = SettingsIn(File.ReadAllLines(Path.Combine(Root, file)));
        var ours = settings.Where(s => !PlatformNames.Contains(s.Key)).ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => s.Value, StringComparer.OrdinalIgnoreCase);
        Assert.All(settings.Keys.Where(k => !PlatformNames.Contains(k)), k => Assert.Contains("__", k, StringComparison.Ordinal));

        var read = KeysReadBy(ours);

        Assert.All(ours.Keys, key => Assert.True(read.Contains(key), $"{file} sets '{key}', which no code reads (misspelt, or a setting that does not exist)."));
    }

    [Fact]
    public void The_deploy_files_pass_settings_at_all_so_the_check_above_checks_something()
    {
        var compose = SettingsIn(File.ReadAllLines(Path.Combine(Root, "deploy", "docker", "docker-compose.yml")));
        var silo = SettingsIn(File.ReadAllLines(Path.Combine(Root, "deploy", "kubernetes", "silo.yaml")));

        Assert.Contains("ConnectionStrings__Crm", compose.Keys);
        Assert.Contains("Api__CoHostSilo", compose.Keys);
        Assert.Contains("Orleans__Kubernetes", silo.Keys);
        Assert.Contains("Silo__HealthPort", silo.Keys);
    }

    [Fact]
    public void A_misspelt_setting_is_found_by_the_reader_check()
    {
        var read = KeysReadBy(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Silo:HealthPrt"] = "8081", ["Silo:HealthPort"] = "8081" });

        Assert.Contains("Silo:HealthPort", read);
        Assert.DoesNotContain("Silo:HealthPrt", read);
    }

    /// <summary>
    /// What a production process needs at the least, so that a file which passes only part of the settings (one
    /// manifest of several) is read as the process would read it; only the file's own keys are checked.
    /// </summary>
    private static readonly Dictionary<string, string> Minimum = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ConnectionStrings:Crm"] = "Host=127.0.0.1;Username=crm;Password=crm;Database=crm",
        ["Crm:PublicBaseUrl"] = "https://crm.example.test",
        ["Auth:ApiKeys:0:Key"] = "deploy-check-admin-key-00000000",
        ["Auth:ApiKeys:0:UserId"] = "admin",
        ["Auth:ApiKeys:0:Role"] = "admin",
    };

    /// <summary>Runs the hosts' readers (settings, services, API keys) over <paramref name="values"/> and returns the keys they looked up.</summary>
    private static HashSet<string> KeysReadBy(IReadOnlyDictionary<string, string> values)
    {
        var all = new Dictionary<string, string>(Minimum, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            all[key] = value;
        }

        var recording = new RecordingSource(all);
        var configuration = new ConfigurationBuilder().Add(recording).Build();
        var environment = new Environment();
        var settings = CrmSettings.From(configuration, environment);
        using (var services = new ServiceCollection().AddLogging().AddCrmServices(settings, configuration).AddCrmTelemetry(configuration, "deploy-check").BuildServiceProvider())
        {
            _ = services.GetServices<IHostedService>().ToList();
        }

        ApiKeyStore.From(configuration, environment);
        return recording.Provider.Read;
    }

    /// <summary>The environment settings of a Dockerfile (ENV), a compose file (environment maps) or a manifest (env, ConfigMap data, Secret stringData).</summary>
    private static Dictionary<string, string> SettingsIn(IEnumerable<string> lines)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            foreach (var match in new[] { InlineEnv().Match(line), MapEntry().Match(line) }.Where(m => m.Success))
            {
                found[match.Groups["name"].Value] = match.Groups["value"].Value.Trim().Trim('"');
            }

            foreach (Match match in DockerEnv().Matches(line))
            {
                found[match.Groups["name"].Value] = match.Groups["value"].Value;
            }
        }

        return found.Where(f => IsSettingName(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
    }

    private static bool IsSettingName(string name) => name.Contains("__", StringComparison.Ordinal) || PlatformNames.Contains(name);

    [GeneratedRegex(@"\{\s*name:\s*(?<name>[A-Za-z][A-Za-z0-9_]*),\s*value:\s*(?<value>""[^""]*""|[^ }]*)\s*\}")]
    private static partial Regex InlineEnv();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z][A-Za-z0-9_]*):\s+(?<value>.+)$")]
    private static partial Regex MapEntry();

    [GeneratedRegex(@"(?:^ENV\s+|^\s+|\s)(?<name>[A-Za-z][A-Za-z0-9_]*)=(?<value>\S+)")]
    private static partial Regex DockerEnv();

    private static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OrleansCrm.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("the folder of OrleansCrm.sln");
        }
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "OrleansCrm";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class RecordingSource(IReadOnlyDictionary<string, string> values) : IConfigurationSource
    {
        public RecordingProvider Provider { get; } = new(values);

        public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
    }

    /// <summary>A configuration provider that remembers every key it was asked for.</summary>
    private sealed class RecordingProvider : ConfigurationProvider
    {
        public RecordingProvider(IReadOnlyDictionary<string, string> values)
        {
            foreach (var (key, value) in values)
            {
                Data[key] = value;
            }
        }

        public HashSet<string> Read { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override bool TryGet(string key, out string? value)
        {
            Read.Add(key);
            return base.TryGet(key, out value);
        }
    }
}
