using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansCrm.Testing;

/// <summary>Plays an agent and an admin against the api: offers, customers, orders, the clock.</summary>
public sealed class OrderDriver(HttpClient admin)
{
    public const string Offer = "cream";

    public HttpClient Admin { get; } = admin;

    public async Task EnsureOfferAsync(object? offer = null) =>
        (await Admin.PutAsJsonAsync($"/api/v1/offers/{Offer}", offer ?? Payloads.Offer())).EnsureSuccessStatusCode();

    public async Task<string> CreateCustomerAsync(string name = "Mario Rossi", string? email = null)
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/customers", new
        {
            name,
            email = email ?? $"{TestValues.Letters(16)}@example.it",
            phone = "+390612345678",
            timeZone = "Europe/Rome",
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public Task<HttpResponseMessage> PlaceAsync(object order, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonContent.Create(order) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Admin.SendAsync(request);
    }

    /// <summary>Places a trial order of the main product in USD and returns its number.</summary>
    public async Task<(string Number, string CustomerId)> PlaceTrialAsync(string cardToken = "tok_approve", string? customerId = null)
    {
        customerId ??= await CreateCustomerAsync();
        var response = await PlaceAsync(new { customerId, offerId = Offer, currency = "USD", trial = true, cardToken });
        response.EnsureSuccessStatusCode();
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!, customerId);
    }

    public async Task<JsonElement> OrderAsync(string number) => await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{number}");

    /// <summary>How long an email handed to the outbox may take to be reported back to its order.</summary>
    public static readonly TimeSpan EmailWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The order's workflow once every email it handed to the outbox has its outcome back: sending only records the
    /// message, the outbox delivers it on its own turn and then reports to the order (see <see cref="EmailsSettledAsync"/>).
    /// </summary>
    public Task<Dictionary<string, JsonElement>> WorkflowAsync(string number) =>
        Eventually.WaitForAsync(() => ReadWorkflowAsync(number), EmailsSettled, EmailWait);

    /// <summary>Waits until no email of the order is still on its way (handed to the outbox, its outcome not yet reported).</summary>
    public Task EmailsSettledAsync(string number) => WorkflowAsync(number);

    private async Task<Dictionary<string, JsonElement>> ReadWorkflowAsync(string number) =>
        (await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{number}/workflow")).EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);

    private static bool EmailsSettled(Dictionary<string, JsonElement> workflow) =>
        !workflow.Values.Any(e => e.GetProperty("type").GetString() == "Email"
            && e.GetProperty("status").GetString() == "Waiting"
            && e.TryGetProperty("recipient", out var recipient) && recipient.ValueKind == JsonValueKind.String);

    public async Task<List<JsonElement>> PaymentsAsync(string number) =>
        (await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{number}/payments")).EnumerateArray().ToList();

    public async Task<string> StatusAsync(string number) => (await OrderAsync(number)).GetProperty("status").GetString()!;

    public async Task<DateTimeOffset> NowAsync() =>
        (await Admin.GetFromJsonAsync<JsonElement>("/api/v1/test-clock")).GetProperty("now").GetDateTimeOffset();

    /// <summary>Moves the simulated clock to <paramref name="placedAt"/> + <paramref name="offset"/> (never backwards).</summary>
    public Task AdvanceToAsync(DateTimeOffset placedAt, TimeSpan offset) => SimulatedClockMoves.MoveToAtLeastAsync(Admin, placedAt + offset);
}
