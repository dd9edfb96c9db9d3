using OrleansCrm.Testing;

namespace OrleansCrm.Browser.Tests;

/// <summary>
/// The api on a real socket (Kestrel, 127.0.0.1:<see cref="Port"/>), on a PostgreSQL database, so a browser can reach
/// it and a restart keeps the data and the wallboard session: a new instance on the same port and database is the
/// same service restarted (a fresh cluster id; the service id, which keys the stored state, stays).
/// </summary>
public sealed class KestrelApi(int port, string connectionString) : CrmApiFactory
{
    public int Port => port;

    public Uri BaseAddress => new($"http://127.0.0.1:{port}");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Crm"] = connectionString,
        ["Wallboard:Heartbeat"] = "00:00:01",
        ["Wallboard:Poll"] = "00:00:00.100",
        ["Wallboard:Refresh"] = "00:00:00.200",
    };

    /// <summary>Starts Kestrel on the port and returns a client for it with the given key.</summary>
    public HttpClient Serve(string key)
    {
        UseKestrel(port);
        StartServer();
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
