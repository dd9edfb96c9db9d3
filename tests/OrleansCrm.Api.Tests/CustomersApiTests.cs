using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class CustomersApiTests(CrmApiFactory factory)
{
    private async Task<(string Id, JsonElement Body)> CreateAsync(object? payload = null)
    {
        var response = await factory.Agent().PostAsJsonAsync("/api/v1/customers", payload ?? Payloads.Customer());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/customers/{id}", response.Headers.Location!.ToString());
        return (id, body);
    }

    [Fact]
    public async Task A_created_customer_is_read_back_with_the_current_time_in_their_own_zone()
    {
        var (id, _) = await CreateAsync();

        var customer = await factory.Agent().GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");

        Assert.Equal("Mario Rossi", customer.GetProperty("name").GetString());
        Assert.Equal("Europe/Rome", customer.GetProperty("localTime").GetProperty("timeZone").GetString());
        var local = customer.GetProperty("localTime").GetProperty("time").GetDateTimeOffset();
        Assert.Equal(factory.Time.GetUtcNow(), local);
        Assert.Equal(TimeSpan.FromHours(1), local.Offset); // Rome in March, before summer time
    }

    [Fact]
    public async Task Ids_the_service_mints_for_customers_and_notes_are_letters_only_so_no_id_ever_looks_like_a_card_number()
    {
        // A hex id is all digits now and then (one in a few hundred customers of a fault run): the card-number guard
        // then refused the service's own id when a client sent it back as customerId.
        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add((await CreateAsync()).Id);
        }

        var keyed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = JsonContent.Create(Payloads.Customer()) };
        keyed.Headers.Add("Idempotency-Key", "letters-only-" + TestValues.Letters(12));
        var scoped = await factory.Agent().SendAsync(keyed);
        Assert.Equal(HttpStatusCode.Created, scoped.StatusCode);
        ids.Add((await scoped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        var note = await (await factory.Agent().PostAsJsonAsync($"/api/v1/customers/{ids[0]}/notes", new { text = "Call after six" })).Content.ReadFromJsonAsync<JsonElement>();
        ids.Add(note.GetProperty("id").GetString()!);

        Assert.All(ids, id => Assert.Matches("^(cus|note)_[a-z]{16}$", id));
    }

    [Fact]
    public async Task Notes_show_their_author_and_can_be_deleted()
    {
        var (id, _) = await CreateAsync();
        var supervisor = factory.ClientWithKey(CrmApiFactory.SupervisorKey);

        var created = await supervisor.PostAsJsonAsync($"/api/v1/customers/{id}/notes", new { text = "Wants the invoice by email" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var note = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("supervisor", note.GetProperty("author").GetString());

        var noteId = note.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.DeleteAsync($"/api/v1/customers/{id}/notes/{noteId}")).StatusCode);
        var customer = await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");
        Assert.Equal(0, customer.GetProperty("notes").GetArrayLength());
        await (await supervisor.DeleteAsync($"/api/v1/customers/{id}/notes/{noteId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_empty_note_is_refused()
    {
        var (id, _) = await CreateAsync();

        var problem = await (await factory.Agent().PostAsJsonAsync($"/api/v1/customers/{id}/notes", new { text = "  " })).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("text", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Only_an_admin_switches_auto_payments_and_the_card_shows_it()
    {
        var (id, body) = await CreateAsync();
        Assert.True(body.GetProperty("autoPaymentsEnabled").GetBoolean());

        await (await factory.Agent().PutAsJsonAsync($"/api/v1/customers/{id}/auto-payments", new { enabled = false })).AssertProblemAsync(HttpStatusCode.Forbidden);
        var changed = await factory.Admin().PutAsJsonAsync($"/api/v1/customers/{id}/auto-payments", new { enabled = false });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var customer = await factory.Agent().GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}");
        Assert.False(customer.GetProperty("autoPaymentsEnabled").GetBoolean());
    }

    [Fact]
    public async Task Customers_are_found_by_name_email_or_phone()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (id, _) = await CreateAsync(new { name = $"Giulia {marker}", email = $"giulia.{marker}@example.it", phone = "+390698765432", timeZone = "Europe/Rome" });
        var agent = factory.Agent();

        foreach (var query in new[] { marker.ToUpperInvariant(), $"giulia.{marker}@", "+390698765432" })
        {
            var page = await agent.GetFromJsonAsync<JsonElement>($"/api/v1/customers?q={Uri.EscapeDataString(query)}");
            Assert.Contains(page.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == id);
        }
    }

    [Fact]
    public async Task A_new_customer_has_no_orders_and_no_calls_yet()
    {
        var (id, _) = await CreateAsync();

        Assert.Equal(0, (await factory.Agent().GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/orders")).GetArrayLength());
        var calls = await factory.Agent().GetFromJsonAsync<JsonElement>($"/api/v1/customers/{id}/calls");
        Assert.Equal(0, calls.GetProperty("orderCalls").GetArrayLength());
        Assert.Equal(0, calls.GetProperty("taskCalls").GetArrayLength());
        Assert.Equal(0, calls.GetProperty("otherCalls").GetArrayLength());
    }
}
