using System.Net;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// What an operator scrapes: <c>/metrics</c> (admin) carries the business meters with ASP.NET Core's and Orleans' own,
/// in Prometheus text; the Orleans Dashboard is off by default and admin-only when on.
/// </summary>
public sealed class TelemetryApiTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static Task<string> ScrapeAsync(HttpClient admin) => admin.GetStringAsync("/metrics");

    [Fact]
    public async Task The_metrics_route_shows_charges_by_result_money_by_currency_reminder_ticks_and_the_frameworks_meters()
    {
        await using var api = new WorkflowApiFactory();
        var driver = new OrderDriver(api.Admin());
        await driver.EnsureOfferAsync();
        var (number, _) = await driver.PlaceTrialAsync();
        var placedAt = (await driver.OrderAsync(number)).GetProperty("placedAt").GetDateTimeOffset();
        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(7));

        var text = await Eventually.WaitForAsync(
            () => ScrapeAsync(api.Admin()),
            t => t.Contains("crm_reminder_ticks", StringComparison.Ordinal) && t.Contains("crm_payments", StringComparison.Ordinal),
            Wait);

        Assert.Matches("crm_payments[_a-z]*\\{[^}]*kind=\"charge\"[^}]*result=\"Approved\"", text);
        Assert.Matches("crm_money_minor[_a-z]*\\{[^}]*currency=\"USD\"", text);
        Assert.Matches("crm_reminder_ticks[_a-z]*\\{[^}]*grain=\"order\"", text);
        Assert.Contains("crm_outbox_settled", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration", text, StringComparison.Ordinal);
        Assert.Contains("orleans_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_metrics_route_shows_the_dialer_queue_depth_by_stage()
    {
        await using var api = new CrmApiFactory();
        var calls = new CallDriver(api.Admin());
        var campaignId = await calls.CreateCampaignAsync();
        (await calls.ImportAsync(campaignId, Enumerable.Range(0, 7).Select(i => (object)new { name = $"Queue Lead {i}", phone = $"+1555010{i:D4}" }).ToArray())).EnsureSuccessStatusCode();

        // The gauge sums the dialers active in this process (other tests' hosts run beside this one): at least these seven are queued.
        var text = await Eventually.WaitForAsync(
            () => ScrapeAsync(api.Admin()),
            t => QueueDepth(t, "Due") + QueueDepth(t, "Scheduled") >= 7,
            Wait);

        Assert.True(QueueDepth(text, "Leased") >= 0 && QueueDepth(text, "Done") >= 0, "every stage is exported");
    }

    /// <summary>The value of <c>crm_dialer_queue{stage="…"}</c> in a scrape, or -1 when it is missing.</summary>
    private static long QueueDepth(string scrape, string stage)
    {
        var match = System.Text.RegularExpressions.Regex.Match(scrape, "^crm_dialer_queue[_a-z]*\\{[^}]*stage=\"" + stage + "\"[^}]*\\} (\\d+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        return match.Success ? long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
    }

    [Fact]
    public async Task The_metrics_route_is_for_admins_only()
    {
        await using var api = new CrmApiFactory();

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.ClientWithKey(null).GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Agent().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientWithKey(CrmApiFactory.SupervisorKey).GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Admin().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task The_Orleans_Dashboard_is_off_by_default_and_admin_only_when_switched_on()
    {
        await using (var off = new CrmApiFactory())
        {
            Assert.Equal(HttpStatusCode.NotFound, (await off.Admin().GetAsync("/dashboard")).StatusCode);
        }

        await using var on = new DashboardApiFactory();
        Assert.Equal(HttpStatusCode.Forbidden, (await on.Agent().GetAsync("/dashboard")).StatusCode);
        var page = await on.Admin().GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("html", (await page.Content.ReadAsStringAsync()).ToLowerInvariant(), StringComparison.Ordinal);
    }

    private sealed class DashboardApiFactory : CrmApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Dashboard:Enabled"] = "true" };
    }
}
