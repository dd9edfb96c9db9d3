using System.Net;
using System.Net.Http.Json;
using System.Text;

using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class BadInputTests(CrmApiFactory factory)
{
    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Malformed_json_is_a_400_problem_and_stores_nothing()
    {
        var admin = factory.Admin();
        var response = await admin.PutAsync("/api/v1/offers/malformed", Json("{\"name\": \"Cream\", \"productPrice\": {"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem.Errors);
        await (await admin.GetAsync("/api/v1/offers/malformed")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_type_is_a_400_problem_naming_the_field()
    {
        var response = await factory.Admin().PutAsync("/api/v1/offers/wrong-type", Json("{\"name\": \"Cream\", \"trial\": {\"trialDays\": \"fifteen\"}}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("trial.trialDays", problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_number_sent_as_a_string_is_a_wrong_type_not_a_guess()
    {
        var response = await factory.Admin().PutAsync("/api/v1/offers/string-number", Json("{\"name\": \"Cream\", \"productPrice\": {\"USD\": \"49.95\"}}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("productPrice.USD", problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_missing_body_is_a_400_problem()
    {
        var response = await factory.Admin().PutAsync("/api/v1/offers/no-body", Json(""));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_bad_offer_field_is_named_at_once_and_nothing_is_stored()
    {
        var admin = factory.Admin();
        var response = await admin.PutAsJsonAsync("/api/v1/offers/all-wrong", new
        {
            name = new string('x', 201),
            productPrice = new Dictionary<string, decimal> { ["USD"] = -5m, ["XYZ"] = 1m, ["JPY"] = 10.5m },
            shippingAndHandling = new Dictionary<string, decimal> { ["USD"] = 1.999m },
            shippingMethods = new[] { new { id = "std", name = "Standard", price = new Dictionary<string, decimal> { ["USD"] = 0m } } },
            upsells = new[] { new { id = "serum", name = "Serum", unitPrice = new Dictionary<string, decimal> { ["USD"] = 1m }, allowedQuantities = new[] { 1 }, shippingMethodIds = new[] { "express" } } },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equivalent(
            new[] { "name", "productPrice.USD", "productPrice.XYZ", "productPrice.JPY", "shippingAndHandling.USD", "upsells[0].shippingMethodIds[0]" },
            problem.Errors!.Keys);
        await (await admin.GetAsync("/api/v1/offers/all-wrong")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_bad_campaign_names_its_time_zone_color_and_hours_and_the_old_campaign_stays()
    {
        var admin = factory.Admin();
        (await admin.PutAsJsonAsync("/api/v1/campaigns/keeps-old", Payloads.Campaign("Original"))).EnsureSuccessStatusCode();

        var response = await admin.PutAsJsonAsync("/api/v1/campaigns/keeps-old", new
        {
            name = "Broken",
            timeZone = "Moon/Tranquility",
            callingHours = new { start = "21:00", end = "9pm" },
            outcomes = new[] { new { code = "x", label = "X", type = "R", color = "green" } },
            paymentProviders = new[] { "acme-pay" },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("timeZone", problem.Errors!.Keys);
        Assert.Contains("callingHours.end", problem.Errors.Keys);
        Assert.Contains("outcomes[0].color", problem.Errors.Keys);
        Assert.Contains("paymentProviders[0]", problem.Errors.Keys);
        var stored = await admin.GetFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>("/api/v1/campaigns/keeps-old");
        Assert.Equal("Original", stored!["campaign"].GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_outcome_type_outside_R_N_C_T_is_refused()
    {
        var response = await factory.Admin().PutAsync("/api/v1/campaigns/bad-type",
            Json("{\"name\":\"C\",\"timeZone\":\"Europe/Rome\",\"outcomes\":[{\"code\":\"x\",\"label\":\"X\",\"type\":\"Z\",\"color\":\"#000000\"}]}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors!.Keys, k => k.StartsWith("outcomes[0].type", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_customer_names_phone_email_zone_and_country_and_nothing_is_stored()
    {
        var agent = factory.Agent();
        var before = await agent.GetFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>("/api/v1/customers?q=Nobody%20Stored");

        var response = await agent.PostAsJsonAsync("/api/v1/customers", new
        {
            name = "Nobody Stored",
            email = "not-an-email",
            phone = "0612345678",
            timeZone = "CET+1",
            address = new { line1 = "Via Roma 1", city = "Roma", country = "Italy" },
        });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "email", "phone", "timeZone", "address.country" }, problem.Errors!.Keys);
        var after = await agent.GetFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>("/api/v1/customers?q=Nobody%20Stored");
        Assert.Equal(before!["total"].GetInt32(), after!["total"].GetInt32());
    }

    [Fact]
    public async Task An_over_long_path_id_is_a_400_naming_it()
    {
        var response = await factory.Admin().GetAsync("/api/v1/offers/" + new string('a', 65));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("offerId", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Paging_outside_its_bounds_is_a_400_naming_the_parameter()
    {
        var response = await factory.Agent().GetAsync("/api/v1/customers?take=1000");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("take", problem.Errors!.Keys);
    }

    [Fact]
    public async Task An_unknown_id_is_a_404_problem()
    {
        await (await factory.Agent().GetAsync("/api/v1/customers/cus_doesnotexist")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await factory.Admin().GetAsync("/api/v1/campaigns/no-such-campaign")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
