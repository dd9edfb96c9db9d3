using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// PRODUCT.md §3 on leads that name a customer or an order: a lead of a known customer takes the customer's zone,
/// email and phone unless the row says otherwise; a lead naming a customer or an order that does not exist is a row
/// error; an order marked Already paid is never called about again, in any campaign. One api on the simulated clock
/// for the class; each test works from the instant it finds, with its own campaigns, customers and orders.
/// </summary>
public sealed class LeadsOfCustomersAndOrdersApiTests(SimulatedClockApiFactory factory) : IClassFixture<SimulatedClockApiFactory>, IAsyncLifetime
{
    private readonly CallDriver calls = new(factory.Admin());
    private readonly OrderDriver orders = new(factory.Admin());

    private HttpClient Admin => calls.Admin;

    public async ValueTask InitializeAsync() => await orders.EnsureOfferAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_lead_of_a_known_customer_takes_the_customers_zone_email_and_phone()
    {
        // 12:00 UTC: 13:00 or 14:00 in Rome, 21:00 in Tokyo.
        await calls.AlignToMorningAsync();
        var noon = (await calls.NowAsync()).AddHours(2);
        await calls.AdvanceToAsync(noon);
        var (customer, phone, email) = await CustomerAsync("Asia/Tokyo");
        var campaign = await calls.CreateCampaignAsync(timeZone: "Europe/Rome", start: "09:00", end: "20:00");

        var body = await ImportOkAsync(campaign, new { customerId = customer, name = "Yuki Tanaka" });

        Assert.Equal(1, body.GetProperty("imported").GetInt32());
        Assert.Null(await calls.NextAsync(campaign, "agent-1"));

        // 01:00 UTC: 10:00 in Tokyo (and the middle of the night in Rome).
        await calls.AdvanceToAsync(noon.AddHours(13));
        var contact = (await calls.NextOrFailAsync(campaign, "agent-1")).GetProperty("contact");
        Assert.Equal(customer, Str(contact, "id"));
        Assert.Equal(customer, Str(contact, "customerId"));
        Assert.Equal("Asia/Tokyo", Str(contact, "timeZone"));
        Assert.Equal(email, Str(contact, "email"));
        Assert.Equal(phone, Str(contact, "phone"));
        Assert.Equal("Yuki Tanaka", Str(contact, "name"));
    }

    [Fact]
    public async Task A_lead_of_a_known_customer_keeps_the_zone_email_and_phone_its_row_gives()
    {
        await calls.AlignToMorningAsync();
        var (customer, _, _) = await CustomerAsync("Asia/Tokyo");
        var campaign = await calls.CreateCampaignAsync(timeZone: "Europe/Rome");
        var officePhone = TestValues.Phone();

        await ImportOkAsync(campaign, new { customerId = customer, phone = officePhone, email = "office@example.test", timeZone = "America/New_York" });

        var contact = (await calls.NextOrFailAsync(campaign, "agent-1")).GetProperty("contact");
        Assert.Equal(("America/New_York", "office@example.test", officePhone), (Str(contact, "timeZone"), Str(contact, "email"), Str(contact, "phone")));
    }

    [Fact]
    public async Task A_lead_naming_an_order_that_does_not_exist_is_refused_per_row_and_the_other_rows_are_imported()
    {
        await calls.AlignToMorningAsync();
        var (customer, _, _) = await CustomerAsync("Europe/Rome");
        var number = await PlaceUnpaidAsync(customer);
        var campaign = await calls.CreateCampaignAsync();

        var body = await ImportOkAsync(
            campaign,
            new { phone = TestValues.Phone(), orderNumber = "999999999" },
            new { orderNumber = number });

        Assert.Equal(1, body.GetProperty("imported").GetInt32());
        var refused = Assert.Single(body.GetProperty("refused").EnumerateArray());
        Assert.Equal(1, refused.GetProperty("row").GetInt32());
        Assert.Equal(["orderNumber"], refused.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        var contact = (await calls.NextOrFailAsync(campaign, "agent-1")).GetProperty("contact");
        Assert.Equal((number, customer), (Str(contact, "orderNumber"), Str(contact, "customerId")));
        Assert.Null(await calls.NextAsync(campaign, "agent-1"));
    }

    [Fact]
    public async Task A_lead_naming_a_customer_that_does_not_exist_is_refused_per_row()
    {
        await calls.AlignToMorningAsync();
        var campaign = await calls.CreateCampaignAsync();

        var body = await ImportOkAsync(campaign, new { customerId = "cust-nobody-" + TestValues.Letters(8), name = "Nobody", phone = TestValues.Phone() });

        Assert.Equal(0, body.GetProperty("imported").GetInt32());
        var refused = Assert.Single(body.GetProperty("refused").EnumerateArray());
        Assert.Equal(["customerId"], refused.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, (await calls.StatsAsync(campaign)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_order_marked_already_paid_in_one_campaign_is_refused_when_imported_into_another()
    {
        await calls.AlignToMorningAsync();
        var (customer, _, _) = await CustomerAsync("Europe/Rome");
        var number = await PlaceUnpaidAsync(customer);
        var first = await calls.CreateCampaignAsync();
        await ImportOkAsync(first, new { orderNumber = number });
        var callId = await calls.DialOrFailAsync(first, "agent-1");
        await calls.ConfirmOkAsync(callId, new { code = "already-paid", comment = "Paid by bank transfer" });
        var second = await calls.CreateCampaignAsync();

        var body = await ImportOkAsync(second, new { orderNumber = number }, new { customerId = customer, orderNumber = number, phone = TestValues.Phone() });

        Assert.Equal(0, body.GetProperty("imported").GetInt32());
        Assert.Equal([1, 2], body.GetProperty("refused").EnumerateArray().Select(r => r.GetProperty("row").GetInt32()));
        Assert.All(body.GetProperty("refused").EnumerateArray(), r => Assert.Contains("already paid", Str(r.GetProperty("errors").GetProperty("orderNumber")[0]), StringComparison.Ordinal));
        Assert.Null(await calls.NextAsync(second, "agent-1"));
    }

    [Fact]
    public async Task A_contact_queued_in_another_campaign_is_never_handed_out_once_its_order_is_marked_already_paid()
    {
        await calls.AlignToMorningAsync();
        var (customer, _, _) = await CustomerAsync("Europe/Rome");
        var number = await PlaceUnpaidAsync(customer);
        var (first, second) = (await calls.CreateCampaignAsync(), await calls.CreateCampaignAsync());
        await ImportOkAsync(first, new { orderNumber = number });
        await ImportOkAsync(second, new { orderNumber = number });
        Assert.Equal(1, (await calls.StatsAsync(second)).GetProperty("due").GetInt32());

        var callId = await calls.DialOrFailAsync(first, "agent-1");
        await calls.ConfirmOkAsync(callId, new { code = "already-paid", comment = "Paid by bank transfer" });

        Assert.Null(await calls.NextAsync(second, "agent-2"));
        var stats = await calls.StatsAsync(second);
        Assert.Equal((0, 0, 1), (stats.GetProperty("due").GetInt32(), stats.GetProperty("leased").GetInt32(), stats.GetProperty("done").GetInt32()));
        await calls.AdvanceAsync(TimeSpan.FromDays(2));
        Assert.Null(await calls.NextAsync(second, "agent-2"));
    }

    private async Task<(string Id, string Phone, string Email)> CustomerAsync(string timeZone)
    {
        var (phone, email) = (TestValues.Phone(), $"{TestValues.Letters(10)}@customers.example.test");
        var response = await Admin.PostAsJsonAsync("/api/v1/customers", new { name = "Yuki Tanaka", email, phone, timeZone });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating the customer answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (Str(await response.Content.ReadFromJsonAsync<JsonElement>(), "id"), phone, email);
    }

    private async Task<string> PlaceUnpaidAsync(string customer)
    {
        var response = await orders.PlaceAsync(OrderBodies.Unpaid(customer));
        Assert.True(response.IsSuccessStatusCode, $"placing the order answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return Str(await response.Content.ReadFromJsonAsync<JsonElement>(), "number");
    }

    private async Task<JsonElement> ImportOkAsync(string campaign, params object[] leads)
    {
        var response = await calls.ImportAsync(campaign, leads);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the import answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Str(JsonElement element, string property) => element.GetProperty(property).GetString()!;

    private static string Str(JsonElement element) => element.GetString()!;
}
