using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>Message templates on the PostgreSQL profile: the same contract, stored in the database.</summary>
public sealed class TemplatesOnPostgresTests(TemplatesOnPostgresFixture fixture) : TemplatesApiContract, IClassFixture<TemplatesOnPostgresFixture>
{
    protected override HttpClient Admin() => fixture.Api.Admin();

    protected override HttpClient Agent() => fixture.Api.Agent();

    [Fact]
    public async Task Templates_and_their_versions_survive_a_restart_and_a_delete_stays_deleted()
    {
        await using var database = await TestDatabase.CreateMigratedAsync("templates_restart");
        await using (var first = new WorkflowApiFactory(database.ConnectionString))
        {
            (await first.Admin().PutAsJsonAsync("/api/v1/campaigns/kept", Payloads.Campaign())).EnsureSuccessStatusCode();
            (await first.Admin().PutAsJsonAsync("/api/v1/campaigns/kept/templates/confirmation", EmailTemplate())).EnsureSuccessStatusCode();
            (await first.Admin().PutAsJsonAsync("/api/v1/campaigns/kept/templates/confirmation", EmailTemplate("Thanks {$name}!"))).EnsureSuccessStatusCode();
            (await first.Admin().PutAsJsonAsync("/api/v1/campaigns/kept/templates/gone", EmailTemplate())).EnsureSuccessStatusCode();
            Assert.Equal(HttpStatusCode.NoContent, (await first.Admin().DeleteAsync("/api/v1/campaigns/kept/templates/gone")).StatusCode);
        }

        await using var second = new WorkflowApiFactory(database.ConnectionString);
        var stored = await second.Agent().GetFromJsonAsync<JsonElement>("/api/v1/campaigns/kept/templates/confirmation");
        Assert.Equal(2, stored.GetProperty("version").GetInt64());
        Assert.Equal("Thanks {$name}!", stored.GetProperty("template").GetProperty("body").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await second.Agent().GetAsync("/api/v1/campaigns/kept/templates/gone")).StatusCode);
        var again = await second.Admin().PutAsJsonAsync("/api/v1/campaigns/kept/templates/gone", EmailTemplate());
        Assert.Equal(2, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
    }
}
