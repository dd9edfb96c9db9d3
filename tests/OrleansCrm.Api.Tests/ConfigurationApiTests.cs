using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class ConfigurationApiTests(CrmApiFactory factory)
{
    [Fact]
    public async Task Putting_an_offer_creates_it_with_201_then_replaces_it_with_200()
    {
        var admin = factory.Admin();
        var id = "offer-" + Guid.NewGuid().ToString("N")[..8];

        var created = await admin.PutAsJsonAsync($"/api/v1/offers/{id}", Payloads.Offer());
        var replaced = await admin.PutAsJsonAsync($"/api/v1/offers/{id}", Payloads.Offer("Renamed"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/offers/{id}", created.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var offer = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/offers/{id}");
        Assert.Equal(2, offer.GetProperty("version").GetInt64());
        Assert.Equal("Renamed", offer.GetProperty("offer").GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_offer_without_trial_settings_gets_the_product_defaults()
    {
        var admin = factory.Admin();
        await admin.PutAsJsonAsync("/api/v1/offers/defaults", Payloads.Offer());

        var trial = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/offers/defaults")).GetProperty("offer").GetProperty("trial");

        Assert.Equal(15, trial.GetProperty("trialDays").GetInt32());
        Assert.Equal(15, trial.GetProperty("extensionDays").GetInt32());
        Assert.Equal(7, trial.GetProperty("reminderDay").GetInt32());
        Assert.Equal(2, trial.GetProperty("extensionOfferDaysBeforeEnd").GetInt32());
    }

    [Fact]
    public async Task Agents_read_the_outcome_menu_with_built_in_and_campaign_outcomes()
    {
        await factory.Admin().PutAsJsonAsync("/api/v1/campaigns/menu", Payloads.Campaign());

        var outcomes = await factory.Agent().GetFromJsonAsync<JsonElement>("/api/v1/campaigns/menu/outcomes");

        var byCode = outcomes.EnumerateArray().ToDictionary(o => o.GetProperty("code").GetString()!);
        Assert.Equal("R", byCode["no-contact"].GetProperty("type").GetString());
        Assert.Equal("N", byCode["refusal"].GetProperty("type").GetString());
        Assert.Equal("R", byCode["interested"].GetProperty("type").GetString());
        Assert.Equal("#00AA00", byCode["interested"].GetProperty("color").GetString());
        Assert.True(byCode["interested"].GetProperty("quick").GetBoolean());
    }

    [Fact]
    public async Task A_campaign_keeps_its_zone_hours_cap_providers_and_the_mandatory_outcome_step()
    {
        var admin = factory.Admin();
        await admin.PutAsJsonAsync("/api/v1/campaigns/kept", Payloads.Campaign());

        var campaign = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/campaigns/kept")).GetProperty("campaign");

        Assert.Equal("America/New_York", campaign.GetProperty("timeZone").GetString());
        Assert.Equal("20:00", campaign.GetProperty("callingHours").GetProperty("end").GetString());
        Assert.Equal(6, campaign.GetProperty("attemptCap").GetInt32());
        Assert.Equal("sandbox", campaign.GetProperty("paymentProviders")[0].GetString());
        var steps = campaign.GetProperty("workflowSteps").EnumerateArray().ToList();
        Assert.Contains(steps, s => s.GetProperty("code").GetString() == "outcome" && s.GetProperty("mandatory").GetBoolean());
        Assert.Contains(steps, s => s.GetProperty("code").GetString() == "greeting" && !s.GetProperty("mandatory").GetBoolean());
    }

    [Fact]
    public async Task The_openapi_document_lists_every_route_with_the_api_key_scheme()
    {
        var document = await factory.ClientWithKey(null).GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/offers/{offerId}", "/api/v1/campaigns/{campaignId}", "/api/v1/campaigns/{campaignId}/outcomes", "/api/v1/customers", "/api/v1/customers/{customerId}", "/api/v1/customers/{customerId}/notes", "/api/v1/customers/{customerId}/notes/{noteId}", "/api/v1/customers/{customerId}/auto-payments", "/api/v1/customers/{customerId}/orders", "/api/v1/customers/{customerId}/calls", "/health/ready" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }

        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
        var put = paths.GetProperty("/api/v1/offers/{offerId}").GetProperty("put");
        Assert.True(put.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(put.GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task The_test_clock_does_not_exist_unless_the_simulated_clock_is_on()
    {
        await (await factory.Admin().GetAsync("/api/v1/test-clock")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
