using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Contracts;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>Retries and the ops check that finds work a crash left undone.</summary>
public sealed class RetriedRequestsApiTests : IAsyncLifetime
{
    private readonly CrmApiFactory api = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await api.DisposeAsync();

    private static HttpRequestMessage CreateCustomer(object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task A_customer_created_again_under_the_same_Idempotency_Key_is_the_customer_the_first_attempt_made()
    {
        var agent = api.Agent();

        var first = await agent.SendAsync(CreateCustomer(Payloads.Customer("Paola Gialli"), "paola-1"));
        var again = await agent.SendAsync(CreateCustomer(Payloads.Customer("Paola Gialli"), "paola-1"));
        var otherKey = await agent.SendAsync(CreateCustomer(Payloads.Customer("Paola Gialli"), "paola-2"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.NotEqual(id, (await otherKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        var found = await agent.GetFromJsonAsync<JsonElement>("/api/v1/customers?q=paola");
        Assert.Equal(2, found.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Another_profile_under_an_Idempotency_Key_already_used_is_a_409_that_changes_nothing()
    {
        var agent = api.Agent();
        var first = await agent.SendAsync(CreateCustomer(Payloads.Customer("Marta Blu"), "marta-1"));

        var reused = await agent.SendAsync(CreateCustomer(Payloads.Customer("Someone Else"), "marta-1"));

        await reused.AssertProblemAsync(HttpStatusCode.Conflict);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal("Marta Blu", (await agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_order_whose_due_work_has_not_run_three_retry_periods_after_it_fell_due_is_listed_as_overdue_work()
    {
        var driver = new OrderDriver(api.Admin());
        await driver.EnsureOfferAsync();
        var (number, _) = await driver.PlaceTrialAsync();
        var trialReminderAt = (await driver.WorkflowAsync(number))["trial-reminder"].GetProperty("scheduledAt").GetDateTimeOffset();
        var order = api.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrderGrain>(number);

        api.Time.Advance(trialReminderAt - api.Time.GetUtcNow() + TimeSpan.FromMinutes(2)); // due, within the grace
        var withinGrace = await OverdueAsync();
        api.Time.Advance(TimeSpan.FromMinutes(2)); // four retry periods late: its reminder never came
        var late = await OverdueAsync();
        await order.AsReference<IRemindable>().ReceiveReminder(DueWork.ReminderName, new TickStatus(api.Time.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(1), api.Time.GetUtcNow().UtcDateTime));
        // The round that only handed the trial reminder to the outbox is stored by the outbox's report, just after.
        var afterTheTick = await Eventually.WaitForAsync(OverdueAsync, o => !Numbers(o).Contains(number), TimeSpan.FromSeconds(30));

        Assert.DoesNotContain(number, Numbers(withinGrace));
        var listed = Assert.Single(late.GetProperty("orders").GetProperty("items").EnumerateArray(), o => o.GetProperty("number").GetString() == number);
        Assert.Equal(trialReminderAt, listed.GetProperty("nextDueAt").GetDateTimeOffset());
        Assert.DoesNotContain(number, Numbers(afterTheTick));
    }

    [Fact]
    public async Task Overdue_work_is_for_admins_only()
    {
        var response = await api.Agent().GetAsync("/api/v1/ops/overdue-work");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private Task<JsonElement> OverdueAsync() => api.Admin().GetFromJsonAsync<JsonElement>("/api/v1/ops/overdue-work");

    private static List<string> Numbers(JsonElement overdue) =>
        [.. overdue.GetProperty("orders").GetProperty("items").EnumerateArray().Select(o => o.GetProperty("number").GetString()!)];
}
