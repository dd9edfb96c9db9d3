using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrleansCrm.Infrastructure.Schema;

namespace OrleansCrm.FaultTests;

/// <summary>
/// A PostgreSQL cluster of the run's own (<c>pg_createcluster</c>, the system's version), started inside the PostgreSQL
/// namespace so its only network is the bridge: restarting it (<c>pg_ctlcluster … restart</c>) or cutting it off touches
/// no other user of the machine's main cluster (other test runs use that one). Dropped at the end.
/// </summary>
internal sealed class DedicatedPostgres : IAsyncDisposable
{
    private const string Role = "crm";
    private const string Password = "crm";
    private const string Database = "crm";

    private readonly string version;
    private readonly string name;
    private readonly int port;
    private readonly string netns;
    private readonly IPAddress address;
    private bool created;

    private DedicatedPostgres(string version, string name, int port, string netns, IPAddress address) =>
        (this.version, this.name, this.port, this.netns, this.address) = (version, name, port, netns, address);

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = address.ToString(), Port = port, Username = Role, Password = Password, Database = Database,
    }.ConnectionString;

    public static async Task<DedicatedPostgres> CreateAsync(ClusterNetwork network)
    {
        var version = Directory.GetDirectories("/usr/lib/postgresql").Select(Path.GetFileName).OfType<string>()
            .OrderByDescending(v => int.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : 0).First();
        var port = 56000 + Random.Shared.Next(0, 3000); // its own socket file in /var/run/postgresql; its TCP port is alone in its namespace
        var postgres = new DedicatedPostgres(version, "crmfaults" + port.ToString(CultureInfo.InvariantCulture), port, network.PostgresNamespace, network.Postgres);
        try
        {
            await Shell.RunAsync("pg_createcluster", version, postgres.name, "-p", port.ToString(CultureInfo.InvariantCulture), "--start-conf=manual");
            postgres.created = true;
            await File.AppendAllTextAsync($"/etc/postgresql/{version}/{postgres.name}/postgresql.conf",
                $"listen_addresses = '{network.Postgres}'\nmax_connections = 400\nshared_buffers = 64MB\n");
            await File.AppendAllTextAsync($"/etc/postgresql/{version}/{postgres.name}/pg_hba.conf", $"host all all {network.Host}/24 scram-sha-256\n");
            await postgres.StartAsync();
            await Shell.RunAsync("runuser", "-u", "postgres", "--", "psql", "-p", port.ToString(CultureInfo.InvariantCulture), "-v", "ON_ERROR_STOP=1",
                "-c", $"CREATE ROLE {Role} LOGIN SUPERUSER PASSWORD '{Password}'", "-c", $"CREATE DATABASE {Database} OWNER {Role}");
            await new SchemaMigrator(postgres.ConnectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        }
        catch
        {
            await postgres.DisposeAsync();
            throw;
        }

        return postgres;
    }

    /// <summary>Stops and starts the server (fast shutdown: every connection is cut, in-flight transactions roll back).</summary>
    public Task RestartAsync() => Shell.RunAsync("ip", "netns", "exec", netns, "pg_ctlcluster", version, name, "restart");

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<object[]>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (created)
        {
            await Shell.TryRunAsync("pg_dropcluster", "--stop", version, name);
            created = false;
        }
    }

    private Task StartAsync() => Shell.RunAsync("ip", "netns", "exec", netns, "pg_ctlcluster", version, name, "start");
}
