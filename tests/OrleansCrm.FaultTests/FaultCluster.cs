using System.Globalization;
using System.Net;
using OrleansCrm.Testing;

namespace OrleansCrm.FaultTests;

/// <summary>
/// The real cluster of one run: the network, the dedicated PostgreSQL, the local SMTP server and SMS gateway (on the
/// host's bridge address, where the silos reach them), three headless silos each in its namespace, the api in client
/// mode on this host. Disposing ends every process by its pid, drops the PostgreSQL cluster and removes the namespaces.
/// </summary>
internal sealed class FaultCluster : IAsyncDisposable
{
    public const string AdminKey = "fault-admin-key-000000000";
    private const int SiloHealthPort = 8081;

    private FaultCluster(ClusterNetwork network, DedicatedPostgres postgres, SmtpSink smtp, SmsGatewaySink sms, IReadOnlyList<ServiceProcess> silos, ServiceProcess api, Uri apiUrl)
    {
        (Network, Postgres, Smtp, Sms, Silos, Api) = (network, postgres, smtp, sms, silos, api);
        Http = new HttpClient { BaseAddress = apiUrl, Timeout = TimeSpan.FromSeconds(40) };
        Http.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    public ClusterNetwork Network { get; }

    public DedicatedPostgres Postgres { get; }

    public SmtpSink Smtp { get; }

    public SmsGatewaySink Sms { get; }

    public IReadOnlyList<ServiceProcess> Silos { get; }

    public ServiceProcess Api { get; }

    public HttpClient Http { get; }

    public static async Task<FaultCluster> StartAsync(int silos, string logDirectory, Action<string> say)
    {
        Directory.CreateDirectory(logDirectory);
        var network = await ClusterNetwork.CreateAsync(silos);
        DedicatedPostgres? postgres = null;
        SmtpSink? smtp = null;
        SmsGatewaySink? sms = null;
        try
        {
            say($"network: bridge namespace, host {network.Host}, PostgreSQL {network.Postgres}, silos {string.Join(", ", Enumerable.Range(1, silos).Select(network.SiloAddress))}");
            postgres = await DedicatedPostgres.CreateAsync(network);
            say("PostgreSQL: a dedicated cluster in its namespace, migrated");
            smtp = SmtpSink.Start(new SmtpSinkOptions { Address = network.Host });
            sms = await SmsGatewaySink.StartAsync(network.Host);

            var clusterId = "faults-" + Guid.NewGuid().ToString("N")[..8];
            var common = new Dictionary<string, string>
            {
                ["ConnectionStrings__Crm"] = postgres.ConnectionString,
                ["Orleans__ClusterId"] = clusterId,
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Crm__PublicBaseUrl"] = "https://crm.example.test",
                ["Auth__ApiKeys__0__Key"] = AdminKey,
                ["Auth__ApiKeys__0__UserId"] = "admin",
                ["Auth__ApiKeys__0__Role"] = "admin",
                ["Smtp__Host"] = smtp.Host,
                ["Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Smtp__Security"] = "None",
                ["Sms__BaseUrl"] = sms.BaseUrl.AbsoluteUri,
                ["Sms__ApiKey"] = SmsGatewaySink.ApiKey,
                ["Sms__WebhookSecret"] = SmsGatewaySink.WebhookSecret,
                ["Sms__QuietHours"] = "",
                ["Sms__FrequencyCap"] = "0",
                ["Logging__Console__LogLevel__Default"] = "Warning",
                ["Logging__Console__FormatterName"] = "simple",
            };

            var siloDll = BuiltDll("silo", "OrleansCrm.Silo.dll");
            var processes = Enumerable.Range(1, silos).Select(i => new ServiceProcess(
                "silo" + i.ToString(CultureInfo.InvariantCulture), siloDll, network.SiloNamespace(i),
                new Dictionary<string, string>(common)
                {
                    ["Orleans__AdvertisedIP"] = network.SiloAddress(i).ToString(),
                    ["Orleans__SiloPort"] = "11111",
                    ["Orleans__GatewayPort"] = "30000",
                    ["Silo__HealthPort"] = SiloHealthPort.ToString(CultureInfo.InvariantCulture),
                },
                logDirectory)).ToList();
            var apiPort = Ports.Free();
            var apiUrl = new Uri($"http://127.0.0.1:{apiPort}/");
            var api = new ServiceProcess("api", BuiltDll("api", "OrleansCrm.Api.dll"), null,
                new Dictionary<string, string>(common) { ["Api__CoHostSilo"] = "false", ["ASPNETCORE_URLS"] = apiUrl.AbsoluteUri.TrimEnd('/') }, logDirectory);

            var cluster = new FaultCluster(network, postgres, smtp, sms, processes, api, apiUrl);
            foreach (var silo in processes)
            {
                silo.Start();
            }

            for (var i = 1; i <= silos; i++)
            {
                await cluster.WaitForSiloReadyAsync(i, TimeSpan.FromSeconds(180));
            }

            say("silos: all ready");
            api.Start();
            await cluster.WaitUntilServingAsync(TimeSpan.FromSeconds(180));
            say($"api: serving at {apiUrl} as a cluster client");
            return cluster;
        }
        catch
        {
            if (sms is not null)
            {
                await sms.DisposeAsync();
            }

            if (smtp is not null)
            {
                await smtp.DisposeAsync();
            }

            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }

            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the silo's own <c>/health/ready</c> (it activates grains and reaches PostgreSQL).</summary>
    public async Task WaitForSiloReadyAsync(int silo, TimeSpan bound)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var url = new Uri($"http://{Network.SiloAddress(silo)}:{SiloHealthPort}/health/ready");
        var until = DateTimeOffset.UtcNow + bound;
        while (DateTimeOffset.UtcNow < until)
        {
            if (Silos[silo - 1].Exited)
            {
                // On a starved machine a silo can time out joining (membership's start has its own timeout): start it again.
                if (Silos[silo - 1].Restarts >= 3)
                {
                    throw new InvalidOperationException($"silo{silo} exited while starting, four times; see its log");
                }

                Silos[silo - 1].Start();
            }

            try
            {
                if ((await probe.GetAsync(url)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException($"silo{silo} was not ready within {bound.TotalSeconds} s");
    }

    /// <summary>Waits until the api answers a write through the cluster (a customer created).</summary>
    public async Task WaitUntilServingAsync(TimeSpan bound)
    {
        var until = DateTimeOffset.UtcNow + bound;
        while (DateTimeOffset.UtcNow < until)
        {
            if (Api.Exited && Api.Restarts < 3)
            {
                Api.Start(); // a client that timed out connecting on a starved machine
            }

            try
            {
                var created = await Http.PostAsync("/api/v1/customers", System.Net.Http.Json.JsonContent.Create(Payloads.Customer("Ready Probe")));
                if (created.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }

        throw new TimeoutException($"the api did not serve within {bound.TotalSeconds} s");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Api.StopAsync(TimeSpan.FromSeconds(20));
        await Task.WhenAll(Silos.Select(s => s.StopAsync(TimeSpan.FromSeconds(20))));
        await Sms.DisposeAsync();
        await Smtp.DisposeAsync();
        await Postgres.DisposeAsync();
        await Network.DisposeAsync();
    }

    /// <summary>A host's dll as this build made it: …/{project}/bin/{configuration}/{tfm}/, the configuration and tfm of this harness.</summary>
    private static string BuiltDll(string project, string file)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OrleansCrm.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root?.FullName ?? throw new InvalidOperationException("OrleansCrm.sln not found above " + output), project, "bin", output.Parent!.Name, output.Name, file);
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is built with the harness (project references)", dll);
    }
}
