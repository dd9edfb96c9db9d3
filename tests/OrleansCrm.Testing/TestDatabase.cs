using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrleansCrm.Infrastructure.Schema;

namespace OrleansCrm.Testing;

/// <summary>
/// A fresh PostgreSQL database for one test class, built from deploy/sql by the real migrator and
/// dropped afterwards. The server comes from <c>CRM_TEST_POSTGRES</c>; test.sh starts a local one.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "CRM_TEST_POSTGRES";
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=crm;Password=crm";

    private TestDatabase(string name, string connectionString) => (Name, ConnectionString) = (name, connectionString);

    public string Name { get; }

    public string ConnectionString { get; }

    public static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } s ? s : DefaultServer;

    /// <summary>A new, empty database (not yet migrated).</summary>
    public static TestDatabase CreateEmpty(string purpose)
    {
        var name = $"crm_test_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();
        name = name.Length > 63 ? name[..63] : name; // PostgreSQL's identifier limit
        var builder = new NpgsqlConnectionStringBuilder(Server) { Database = name };
        return new TestDatabase(name, builder.ConnectionString);
    }

    /// <summary>A new database with the whole schema applied.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(string purpose)
    {
        var database = CreateEmpty(purpose);
        await database.MigrateAsync();
        return database;
    }

    public Task<IReadOnlyList<string>> MigrateAsync() =>
        new SchemaMigrator(ConnectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync();

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
