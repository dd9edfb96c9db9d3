using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

public sealed class TestClockApiTests : IClassFixture<SimulatedClockApiFactory>
{
    private readonly SimulatedClockApiFactory factory;

    public TestClockApiTests(SimulatedClockApiFactory factory) => this.factory = factory;

    [Fact]
    public async Task Advancing_by_an_iso_duration_moves_the_clock_exactly_that_far()
    {
        var admin = factory.Admin();
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/test-clock")).GetProperty("now").GetDateTimeOffset();

        var response = await admin.PostAsJsonAsync("/api/v1/test-clock/advance", new { by = "P15D" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/test-clock")).GetProperty("now").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(15), after - before);
    }

    [Fact]
    public async Task Advancing_to_an_instant_lands_on_it_and_the_customer_card_reads_that_time()
    {
        var admin = factory.Admin();
        var now = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/test-clock")).GetProperty("now").GetDateTimeOffset();
        var target = now.AddDays(40);

        (await admin.PostAsJsonAsync("/api/v1/test-clock/advance", new { to = target })).EnsureSuccessStatusCode();

        var created = await (await admin.PostAsJsonAsync("/api/v1/customers", Payloads.Customer())).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(target, created.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_clock_never_moves_backwards()
    {
        var admin = factory.Admin();
        var now = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/test-clock")).GetProperty("now").GetDateTimeOffset();

        await (await admin.PostAsJsonAsync("/api/v1/test-clock/advance", new { to = now.AddDays(-1) })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"by\":\"fifteen days\"}")]
    [InlineData("{\"by\":\"-P1D\"}")]
    [InlineData("{\"by\":\"P1D\",\"to\":\"2030-01-01T00:00:00Z\"}")]
    public async Task An_advance_needs_exactly_one_valid_by_or_to(string body)
    {
        var response = await factory.Admin().PostAsync("/api/v1/test-clock/advance", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("by", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Only_admins_move_the_clock()
    {
        await (await factory.Agent().PostAsJsonAsync("/api/v1/test-clock/advance", new { by = "P1D" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
