using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>One api with SMS through a local gateway, shared by the SMS tests (each uses its own numbers and keys).</summary>
public sealed class SmsApiFixture : IAsyncLifetime
{
    public SmsGatewaySink Gateway { get; private set; } = null!;

    public SmsApiFactory Api { get; private set; } = null!;

    public DateTimeOffset Now => Api.Services.GetRequiredService<CrmClock>().GetUtcNow();

    public async ValueTask InitializeAsync()
    {
        Gateway = await SmsGatewaySink.StartAsync();
        Api = new SmsApiFactory(Gateway);
        _ = Api.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Gateway.DisposeAsync();
    }

    /// <summary>A customer with a phone number of their own; returns the id and the number.</summary>
    public async Task<(string Id, string Phone)> CustomerAsync(string name = "Mario Rossi")
    {
        var phone = TestValues.Phone();
        var response = await Api.Admin().PostAsJsonAsync("/api/v1/customers", new
        {
            name,
            email = $"{TestValues.Letters(16)}@example.it",
            phone,
            timeZone = "Europe/Rome",
        });
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, phone);
    }

    public async Task<JsonElement> MessageAsync(string messageId) =>
        await Api.Admin().GetFromJsonAsync<JsonElement>($"/api/v1/messages/{messageId}");

    /// <summary>Waits until the message has left <c>Queued</c> (or reached <paramref name="status"/>) and returns it.</summary>
    public Task<JsonElement> SettledAsync(string messageId, string? status = null) =>
        Eventually.WaitForAsync(
            () => MessageAsync(messageId),
            m => status is null ? m.GetProperty("status").GetString() != "Queued" : m.GetProperty("status").GetString() == status,
            TimeSpan.FromSeconds(30));

    public async Task AdvanceAsync(string by) =>
        (await Api.Admin().PostAsJsonAsync("/api/v1/test-clock/advance", new { by })).EnsureSuccessStatusCode();
}
