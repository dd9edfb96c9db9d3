using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Infrastructure.Payments;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// <c>PUT /api/v1/orders/{n}/trial-end</c> on the simulated clock, in memory and on PostgreSQL: a supervisor moves a
/// trial's end, the product charge and its reminder emails follow through the real reminders, the money moves once;
/// refused for agents, in the past, on a cancelled order, on an order that is not a trial, and once charged.
/// </summary>
public sealed class TrialEndMoveApiTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static async Task<(WorkflowApiFactory Api, OrderDriver Driver, TestDatabase? Database)> StartAsync(bool onPostgres)
    {
        var database = onPostgres ? await TestDatabase.CreateMigratedAsync("trial-end") : null;
        var api = new WorkflowApiFactory(database?.ConnectionString);
        var driver = new OrderDriver(api.Admin());
        await driver.EnsureOfferAsync();
        return (api, driver, database);
    }

    private static string Status(Dictionary<string, JsonElement> workflow, string id) => workflow[id].GetProperty("status").GetString()!;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_trial_end_moved_by_a_supervisor_charges_the_product_once_at_the_new_end_and_the_reminders_follow(bool onPostgres)
    {
        var (api, driver, database) = await StartAsync(onPostgres);
        await using var _ = database;
        await using var __ = api;
        var customer = await driver.CreateCustomerAsync("Mario Rossi", "mario.rossi@example.it");
        var (number, _) = await driver.PlaceTrialAsync(customerId: customer);
        var placedAt = (await driver.OrderAsync(number)).GetProperty("placedAt").GetDateTimeOffset();
        var supervisor = api.ClientWithKey(CrmApiFactory.SupervisorKey);

        var moved = await supervisor.PutAsJsonAsync($"/api/v1/orders/{number}/trial-end", new { at = placedAt.AddHours(2) });

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var page = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(placedAt.AddHours(2), page.GetProperty("trial").GetProperty("chargeAt").GetDateTimeOffset());
        Assert.Contains(page.GetProperty("notes").EnumerateArray(), n => n.GetProperty("text").GetString()!.StartsWith("Trial end moved by", StringComparison.Ordinal));
        var workflow = await driver.WorkflowAsync(number);
        Assert.Equal("Completed", Status(workflow, "trial-end-moved-1"));
        Assert.Equal(placedAt.AddHours(2), workflow["product-charge"].GetProperty("scheduledAt").GetDateTimeOffset());
        Assert.Equal(placedAt.AddHours(2), workflow["payment-confirmation"].GetProperty("scheduledAt").GetDateTimeOffset());

        // The reminders' times before the new end had already passed: they go at once, before the charge.
        await api.Mail.WaitForMessagesAsync(m => m.Raw.Contains("7 days gone, 7 left", StringComparison.Ordinal), 1, Timeout);
        await api.Mail.WaitForMessagesAsync(m => m.Raw.Contains("Extend your trial", StringComparison.Ordinal), 1, Timeout);
        Assert.Single(await driver.PaymentsAsync(number));

        await driver.AdvanceToAsync(placedAt, TimeSpan.FromHours(2));

        var after = await Eventually.WaitForAsync(() => driver.WorkflowAsync(number), w => Status(w, "payment-confirmation") == "Completed", Timeout);
        Assert.Equal("Completed", Status(after, "product-charge"));
        Assert.Equal("Paid", await driver.StatusAsync(number));
        Assert.Equal(1, await api.Services.GetRequiredService<ISandboxLedger>().CountAsync($"{number}:product-charge"));
        await api.Mail.WaitForMessagesAsync(m => m.Raw.Contains($"Payment received for order {number}", StringComparison.Ordinal), 1, Timeout);

        // Once charged it can no longer move.
        await (await supervisor.PutAsJsonAsync($"/api/v1/orders/{number}/trial-end", new { at = placedAt.AddDays(20) })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Moving_a_trial_end_is_refused_for_agents_in_the_past_on_cancelled_and_non_trial_orders_and_changes_nothing()
    {
        var (api, driver, _) = await StartAsync(onPostgres: false);
        await using var __ = api;
        var (number, customer) = await driver.PlaceTrialAsync();
        var placedAt = (await driver.OrderAsync(number)).GetProperty("placedAt").GetDateTimeOffset();
        var supervisor = api.ClientWithKey(CrmApiFactory.SupervisorKey);
        var before = (await driver.WorkflowAsync(number))["product-charge"].GetProperty("scheduledAt").GetDateTimeOffset();

        Assert.Equal(HttpStatusCode.Forbidden, (await api.Agent().PutAsJsonAsync($"/api/v1/orders/{number}/trial-end", new { at = placedAt.AddDays(20) })).StatusCode);
        await (await supervisor.PutAsJsonAsync($"/api/v1/orders/{number}/trial-end", new { at = placedAt.AddDays(-1) })).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await supervisor.PutAsJsonAsync($"/api/v1/orders/{number}/trial-end", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, (await driver.WorkflowAsync(number))["product-charge"].GetProperty("scheduledAt").GetDateTimeOffset());
        Assert.DoesNotContain((await driver.WorkflowAsync(number)).Keys, id => id.StartsWith("trial-end-moved", StringComparison.Ordinal));

        var plain = await driver.PlaceAsync(new { customerId = customer, offerId = OrderDriver.Offer, currency = "EUR", trial = false });
        var plainNumber = (await plain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        await (await supervisor.PutAsJsonAsync($"/api/v1/orders/{plainNumber}/trial-end", new { at = placedAt.AddDays(20) })).AssertProblemAsync(HttpStatusCode.Conflict);

        (await driver.Admin.PostAsJsonAsync($"/api/v1/orders/{number}/cancel", new { reason = "Customer changed their mind" })).EnsureSuccessStatusCode();
        await (await supervisor.PutAsJsonAsync($"/api/v1/orders/{number}/trial-end", new { at = placedAt.AddDays(20) })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await supervisor.PutAsJsonAsync("/api/v1/orders/999999999/trial-end", new { at = placedAt.AddDays(20) })).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
