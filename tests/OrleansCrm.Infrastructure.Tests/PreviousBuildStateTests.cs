using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// State written by the previous build (107711a) in the PostgreSQL profile, loaded into this build.
/// <c>Fixtures/previous-build/</c> holds that build's rows (<c>data.sql</c>), its service id (<c>identity.json</c>),
/// and what it answered to a GET of every entity (<c>answers.json</c>); <c>how-it-was-made/</c> drove it.
/// </summary>
public sealed class PreviousBuildStateTests : IAsyncLifetime
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "previous-build");

    private TestDatabase database = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync("previous_build");
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var insert in File.ReadLines(Path.Combine(Folder, "data.sql")).Where(l => l.StartsWith("INSERT INTO ", StringComparison.Ordinal)))
        {
            await using var command = new NpgsqlCommand(insert, connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Every_entity_the_previous_build_stored_answers_the_same_JSON_in_this_build()
    {
        var identity = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "identity.json")))!;
        var answers = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "answers.json")))!.AsObject();

        // The old build ran on the simulated clock and was read at this instant; this build's fake clock stands there,
        // so every answer computed from "now" (local times, the report's default day, lease expiry) is comparable.
        var readAt = DateTimeOffset.Parse(answers["test-clock"]!["body"]!["now"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        await using var api = new PreviousBuildApiFactory(database.ConnectionString, identity["serviceId"]!.GetValue<string>());
        api.Time.SetUtcNow(readAt);
        var admin = api.Admin();

        var differences = new List<string>();
        foreach (var (name, answer) in answers)
        {
            if (name is "test-clock")
            {
                continue; // the simulated clock's route; this build runs on a fake clock set to its answer (above)
            }

            var path = answer!["path"]!.GetValue<string>();
            var response = await admin.GetAsync(path);
            if (!response.IsSuccessStatusCode)
            {
                differences.Add($"{name}: GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                continue;
            }

            if (name is "recording")
            {
                var bytes = await response.Content.ReadAsByteArrayAsync();
                var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
                if (sha != answer["sha256"]!.GetValue<string>())
                {
                    differences.Add($"recording: sha256 {sha}, the previous build served {answer["sha256"]}");
                }

                continue;
            }

            var now = JsonNode.Parse(await response.Content.ReadAsStringAsync());
            var then = answer["body"]!.DeepClone();
            if (name is "dialer-stats")
            {
                // The one field that is not stored: a lease lives in the dialer queue's memory (the queue grain has no
                // state and is rebuilt from the contacts), so after any restart, of either build, the leased contact is
                // due again. What is stored is compared: the contact is still waiting to be dialled (due + leased).
                FoldLeasesIntoDue(then);
                FoldLeasesIntoDue(now!);
            }

            Compare(name, then, now, differences);
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    private static void FoldLeasesIntoDue(JsonNode stats)
    {
        stats["due"] = stats["due"]!.GetValue<int>() + stats["leased"]!.GetValue<int>();
        stats["leased"] = 0;
    }

    /// <summary>
    /// Members added to the API after the fixture was recorded, answered with their defaults for stored data (the
    /// defaults have tests of their own, <c>OutcomeFlagsTests</c>, <c>WallboardApiTests</c>); any other member this build
    /// answers and the previous one did not is a difference.
    /// </summary>
    private static readonly string[] AddedSinceTheFixture = ["humanContact", "sale", "wallboard"];

    private static void Compare(string at, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        if (expected is null && actual is not null && AddedSinceTheFixture.Contains(at[(at.LastIndexOf('.') + 1)..]))
        {
            return;
        }

        switch (expected, actual)
        {
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    Compare($"{at}.{key}", e[key], a[key], differences);
                }

                break;
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    differences.Add($"{at}: {a.Count} items, the previous build answered {e.Count}: {a.ToJsonString()} vs {e.ToJsonString()}");
                    break;
                }

                for (var i = 0; i < e.Count; i++)
                {
                    Compare($"{at}[{i}]", e[i], a[i], differences);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                {
                    differences.Add($"{at}: {actual?.ToJsonString() ?? "absent/null"}, the previous build answered {expected?.ToJsonString() ?? "absent/null"}");
                }

                break;
        }
    }

    private sealed class PreviousBuildApiFactory(string connectionString, string serviceId) : CrmApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = connectionString,
            ["Orleans:ServiceId"] = serviceId,
        };
    }
}
