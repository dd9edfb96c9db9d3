using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>The audit's bad-input findings, one named test each (the OpenAPI-driven test covers every other field and route).</summary>
[Collection(ApiCollection.Name)]
public sealed class EdgeInputTests(CrmApiFactory factory)
{
    private static StringContent Json(string body, string type = "application/json") => new(body, Encoding.UTF8, type);

    [Fact]
    public async Task A_NUL_in_a_customer_name_is_a_400_naming_the_field_and_no_customer_is_created()
    {
        var admin = factory.Admin();
        var name = "Nul" + TestValues.Letters(8);
        var response = await admin.PostAsync("/api/v1/customers", Json($$"""{"name":"{{name}}\u0000Name","phone":"+390612345678","timeZone":"Europe/Rome"}"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("control characters", problem.Errors!["name"][0], StringComparison.Ordinal);
        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/customers?q={name}");
        Assert.Equal(0, found.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/customers?q=a%00b", "q")]
    [InlineData("/api/v1/orders?take=abc", "take")]
    [InlineData("/api/v1/orders?from=yesterday", "from")]
    [InlineData("/api/v1/reports/outcomes?to=next-week", "to")]
    [InlineData("/api/v1/reports/outcomes?from=9999-12-31T12:00:00Z", "from")]
    [InlineData("/api/v1/agents/agent-1/agenda?from=9999-12-30T00:00:00Z", "from")]
    [InlineData("/api/v1/orders?from=2026-12-04T10:00:00", "from")]
    public async Task A_bad_query_parameter_is_a_400_naming_the_parameter(string url, string parameter)
    {
        var problem = await (await factory.Admin().GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(parameter, problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_callback_time_without_an_offset_is_refused_naming_callbackAt()
    {
        var response = await factory.Admin().PostAsync("/api/v1/calls/any-call/outcome", Json("""{"code":"callback","callbackAt":"2026-12-04T10:00:00"}"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("offset", problem.Errors!["callbackAt"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amount_below_its_currencys_precision_is_refused_not_stored_as_zero()
    {
        var admin = factory.Admin();
        var id = "tiny-" + TestValues.Letters(8);
        var response = await admin.PutAsync($"/api/v1/offers/{id}", Json("""{"name":"Cream","productPrice":{"USD":1e-30},"shippingAndHandling":{"USD":4.95}}"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("productPrice.USD", problem.Errors!.Keys);
        await (await admin.GetAsync($"/api/v1/offers/{id}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_product_price_of_zero_is_refused_while_free_shipping_is_a_price()
    {
        var admin = factory.Admin();
        var id = "free-" + TestValues.Letters(8);
        var refused = await admin.PutAsync($"/api/v1/offers/{id}", Json("""{"name":"Cream","productPrice":{"USD":0},"shippingAndHandling":{"USD":0}}"""));

        var problem = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["productPrice.USD"], problem.Errors!.Keys);
        var accepted = await admin.PutAsync($"/api/v1/offers/{id}", Json("""{"name":"Cream","productPrice":{"USD":10},"shippingAndHandling":{"USD":0}}"""));
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_property_is_refused_on_every_route_naming_it()
    {
        var response = await factory.Admin().PostAsync("/api/v1/customers", Json("""{"name":"Mario","phone":"+390612345678","timeZone":"Europe/Rome","nickname":"Super Mario"}"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("nickname", problem.Errors!.Keys);
    }

    [Fact]
    public async Task An_enum_has_one_spelling_a_lower_case_one_is_refused_listing_the_allowed_values()
    {
        var response = await factory.Admin().PostAsync("/api/v1/orders/1/fulfillment", Json("""{"status":"shipping"}"""));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Shipping", problem.Errors!["status"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_import_without_a_content_type_is_a_415_like_every_other_json_route()
    {
        var campaign = await new CallDriver(factory.Admin()).CreateCampaignAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""[{"phone":"+390612345678"}]"""));
        var response = await factory.Admin().PostAsync($"/api/v1/campaigns/{campaign}/leads", content);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_list_of_more_than_a_thousand_items_is_refused_naming_it()
    {
        var days = string.Join(",", Enumerable.Repeat("\"Monday\"", 5000));
        var response = await factory.Admin().PutAsync("/api/v1/agents/agent-big", Json("{\"name\":\"Big\",\"agenda\":{\"workDays\":[" + days + "]}}"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("agenda.workDays", problem.Errors!.Keys);
    }

    [Theory]
    [InlineData("4111.1111.1111.1111")]
    [InlineData("4111  1111  1111  1111")]
    [InlineData("4111_1111_1111_1111")]
    [InlineData("４１１１１１１１１１１１１１１１")]
    public async Task A_card_number_in_a_name_is_a_400_that_does_not_echo_it_and_in_a_note_it_is_cut_to_its_last_four(string pan)
    {
        var admin = factory.Admin();
        var refused = await admin.PostAsJsonAsync("/api/v1/customers", new { name = $"Visa {pan}", phone = "+390612345678", timeZone = "Europe/Rome" });
        var raw = await refused.Content.ReadAsStringAsync();
        await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.DoesNotContain(pan, raw, StringComparison.Ordinal);

        var created = await admin.PostAsJsonAsync("/api/v1/customers", Payloads.Customer());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var note = await admin.PostAsJsonAsync($"/api/v1/customers/{id}/notes", new { text = $"She read {pan} aloud" });
        var stored = await note.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);
        Assert.Contains("XXXX XXXX XXXX 1111", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(pan, stored, StringComparison.Ordinal);
    }
}
