using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>The api host on the PostgreSQL profile: clustering, grain state, reminders and read model in a real database.</summary>
public sealed class PostgresApiFactory(string connectionString, Action<IServiceCollection>? services = null) : CrmApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ConnectionStrings:Crm"] = connectionString };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}

public sealed class PostgresProfileTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateMigratedAsync("profile");

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Everything_written_through_the_api_is_read_back_after_the_host_restarts()
    {
        string customerId;
        await using (var first = new PostgresApiFactory(database.ConnectionString))
        {
            var admin = first.Admin();
            Assert.Equal("ok", (await admin.GetFromJsonAsync<JsonElement>("/health/ready")).GetProperty("checks").GetProperty("storage").GetString());
            (await admin.PutAsJsonAsync("/api/v1/offers/cream", Payloads.Offer())).EnsureSuccessStatusCode();
            (await admin.PutAsJsonAsync("/api/v1/campaigns/winter", Payloads.Campaign())).EnsureSuccessStatusCode();
            var created = await admin.PostAsJsonAsync("/api/v1/customers", Payloads.Customer("Lucia Verdi"));
            customerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            (await admin.PostAsJsonAsync($"/api/v1/customers/{customerId}/notes", new { text = "VIP, call mornings" })).EnsureSuccessStatusCode();
            (await admin.PutAsJsonAsync($"/api/v1/customers/{customerId}/auto-payments", new { enabled = false })).EnsureSuccessStatusCode();
        }

        await using var second = new PostgresApiFactory(database.ConnectionString);
        var again = second.Admin();

        var offer = await again.GetFromJsonAsync<JsonElement>("/api/v1/offers/cream");
        Assert.Equal(49.95m, offer.GetProperty("offer").GetProperty("productPrice").GetProperty("USD").GetDecimal());
        var campaign = await again.GetFromJsonAsync<JsonElement>("/api/v1/campaigns/winter");
        Assert.Equal(6, campaign.GetProperty("campaign").GetProperty("attemptCap").GetInt32());
        var customer = await again.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}");
        Assert.Equal("Lucia Verdi", customer.GetProperty("name").GetString());
        Assert.False(customer.GetProperty("autoPaymentsEnabled").GetBoolean());
        Assert.Equal("VIP, call mornings", customer.GetProperty("notes")[0].GetProperty("text").GetString());
        var found = await again.GetFromJsonAsync<JsonElement>("/api/v1/customers?q=verdi");
        Assert.Equal(customerId, found.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_refused_write_leaves_the_stored_row_as_it_was()
    {
        await using var host = new PostgresApiFactory(database.ConnectionString);
        var admin = host.Admin();
        (await admin.PutAsJsonAsync("/api/v1/offers/kept", Payloads.Offer("Kept"))).EnsureSuccessStatusCode();
        var before = await database.ScalarAsync<long>("SELECT count(*) FROM orleans_grain_state");

        var refused = await admin.PutAsJsonAsync("/api/v1/offers/kept", new { name = "", productPrice = new Dictionary<string, decimal> { ["USD"] = -1m } });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(before, await database.ScalarAsync<long>("SELECT count(*) FROM orleans_grain_state"));
        var offer = await admin.GetFromJsonAsync<JsonElement>("/api/v1/offers/kept");
        Assert.Equal(1, offer.GetProperty("version").GetInt64());
    }
}
