using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Testing;
using static OrleansCrm.Testing.TestValues;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The extension link as a customer meets it: clicked in a browser (a GET), it shows the offer and a
/// button that POSTs; prefetching it changes nothing. One api for the class; each test places its own
/// trial and moves the clock to its day 13, when the extension-offer email carries the link.
/// </summary>
public sealed class TrialExtensionPageTests(OrderActionsApiFixture fixture) : IClassFixture<OrderActionsApiFixture>, IAsyncLifetime
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private readonly OrderDriver driver = new(fixture.Api.Admin());

    private HttpClient Anonymous => fixture.Api.ClientWithKey(null);

    public async ValueTask InitializeAsync() => await driver.EnsureOfferAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A trial on its day 13 and the path of its extension link.</summary>
    private async Task<(string Number, DateTimeOffset PlacedAt, string Path)> TrialWithLinkAsync(string offerId = OrderDriver.Offer)
    {
        var customer = await driver.CreateCustomerAsync();
        var placed = await driver.PlaceAsync(new { customerId = customer, offerId, currency = "USD", trial = true, cardToken = Token("tok_approve") });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var number = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        var placedAt = (await driver.OrderAsync(number)).GetProperty("placedAt").GetDateTimeOffset();
        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(13));
        var link = (await driver.WorkflowAsync(number))["extension-offer"].GetProperty("link").GetString()!;
        return (number, placedAt, new Uri(link).PathAndQuery);
    }

    private static HttpRequestMessage Browser(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Accept.ParseAdd(BrowserAccept);
        return request;
    }

    private static HttpRequestMessage Json(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private async Task<DateTimeOffset> ChargeAtAsync(string number) =>
        (await driver.WorkflowAsync(number))["product-charge"].GetProperty("scheduledAt").GetDateTimeOffset();

    [Fact]
    public async Task Opening_the_link_in_a_browser_shows_the_new_charge_date_the_amount_and_a_form_that_posts_and_never_extends()
    {
        var (number, placedAt, path) = await TrialWithLinkAsync();

        var first = await Anonymous.SendAsync(Browser(HttpMethod.Get, path));
        var second = await Anonymous.SendAsync(Browser(HttpMethod.Get, path));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("text/html", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", first.Headers.CacheControl!.ToString());
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains(number, html, StringComparison.Ordinal);
        Assert.Contains("USD 49.95", html, StringComparison.Ordinal);
        Assert.Contains(TimeZoneInfo.ConvertTime(placedAt.AddDays(15), TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains(TimeZoneInfo.ConvertTime(placedAt.AddDays(30), TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains($"<form method=\"post\" action=\"{path}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(placedAt.AddDays(15), await ChargeAtAsync(number));
        Assert.False((await driver.WorkflowAsync(number)).ContainsKey("trial-extended"));
    }

    [Fact]
    public async Task An_API_client_reading_the_link_gets_the_offer_as_JSON_and_nothing_is_extended()
    {
        var (number, placedAt, path) = await TrialWithLinkAsync();

        var response = await Anonymous.SendAsync(Json(HttpMethod.Get, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var offer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(number, offer.GetProperty("orderNumber").GetString());
        Assert.Equal(49.95m, offer.GetProperty("amount").GetDecimal());
        Assert.Equal(placedAt.AddDays(30), offer.GetProperty("extendedChargeAt").GetDateTimeOffset());
        Assert.Equal(placedAt.AddDays(15), await ChargeAtAsync(number));
    }

    [Fact]
    public async Task Submitting_the_page_s_form_extends_the_trial_once_and_answers_the_browser_with_an_HTML_confirmation()
    {
        var (number, placedAt, path) = await TrialWithLinkAsync();

        var response = await Anonymous.SendAsync(Browser(HttpMethod.Post, path, new FormUrlEncodedContent([])));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Your trial is extended", html, StringComparison.Ordinal);
        Assert.Contains("USD 49.95", html, StringComparison.Ordinal);
        Assert.Equal(placedAt.AddDays(30), await ChargeAtAsync(number));
        Assert.Equal("Completed", (await driver.WorkflowAsync(number))["trial-extended"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_API_client_posting_the_link_without_a_body_gets_JSON_with_the_new_charge_date()
    {
        var (number, placedAt, path) = await TrialWithLinkAsync();

        var response = await Anonymous.SendAsync(Json(HttpMethod.Post, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(number, result.GetProperty("orderNumber").GetString());
        Assert.Equal(placedAt.AddDays(30), result.GetProperty("chargeAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_unknown_link_is_a_404_page_for_a_browser_and_a_404_problem_for_an_API_client()
    {
        const string path = "/api/v1/trial-extensions/no-such-token-<b>";

        var page = await Anonymous.SendAsync(Browser(HttpMethod.Get, path));
        var posted = await Anonymous.SendAsync(Browser(HttpMethod.Post, path, new FormUrlEncodedContent([])));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("This link is not valid", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        await (await Anonymous.SendAsync(Json(HttpMethod.Get, path))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Anonymous.SendAsync(Json(HttpMethod.Post, path))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_used_link_is_a_409_page_for_a_browser_and_a_409_problem_for_an_API_client_and_changes_nothing()
    {
        var (number, placedAt, path) = await TrialWithLinkAsync();
        Assert.Equal(HttpStatusCode.OK, (await Anonymous.SendAsync(Json(HttpMethod.Post, path))).StatusCode);

        var page = await Anonymous.SendAsync(Browser(HttpMethod.Get, path));
        var again = await Anonymous.SendAsync(Browser(HttpMethod.Post, path, new FormUrlEncodedContent([])));

        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("The trial was already extended", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await Anonymous.SendAsync(Json(HttpMethod.Get, path))).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await Anonymous.SendAsync(Json(HttpMethod.Post, path))).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(placedAt.AddDays(30), await ChargeAtAsync(number));
    }

    [Fact]
    public async Task Everything_the_page_shows_is_HTML_escaped()
    {
        const string offerId = "cream-escaped";
        var offer = JsonSerializer.SerializeToNode(Payloads.Offer("<script>alert('x')</script> & \"Cream\""))!.AsObject();
        (await driver.Admin.PutAsJsonAsync($"/api/v1/offers/{offerId}", offer)).EnsureSuccessStatusCode();
        var (_, _, path) = await TrialWithLinkAsync(offerId);

        var html = await (await Anonymous.SendAsync(Browser(HttpMethod.Get, path))).Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"Cream\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
