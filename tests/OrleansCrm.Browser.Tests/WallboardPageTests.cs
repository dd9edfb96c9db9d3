using System.Net.Http.Json;
using Microsoft.Playwright;
using OrleansCrm.Testing;
using static Microsoft.Playwright.Assertions;

namespace OrleansCrm.Browser.Tests;

/// <summary>
/// The wallboard page in headless Chromium (Debian's package, driven by Playwright) against the api on a real socket:
/// sign in, the agents' bars in the catalog's colors with their labels, a confirmed outcome reaching the page without a
/// reload, the page saying it is reconnecting while the api restarts and coming back by itself, sign-out. Every wait is
/// Playwright's auto-waiting expectation on a condition.
/// </summary>
public sealed class WallboardPageTests
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 30_000 };

    private static readonly object SoldByPhone = new { code = "sold-by-phone", label = "Sold by phone", type = "N", color = "#1B5E20", sale = true };
    private static readonly object NotInterested = new { code = "not-interested", label = "Not interested", type = "N", color = "#795548" };

    [Fact]
    public async Task A_supervisor_signs_in_sees_the_bars_in_the_catalogs_colors_sees_an_outcome_arrive_live_sees_a_restart_reconnect_and_signs_out()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: deploy/scripts/ensure-chromium.sh installs it (test.sh runs it).");
        await using var database = await TestDatabase.CreateMigratedAsync("wallboard_page");
        var port = Ports.Free();
        var api = new KestrelApi(port, database.ConnectionString);
        var admin = api.Serve(CrmApiFactory.AdminKey);
        var calls = new CallDriver(admin);
        var campaign = await calls.CreateCampaignAsync(timeZone: "Europe/Rome", outcomes: [SoldByPhone, NotInterested]);
        for (var i = 0; i < 6; i++)
        {
            await calls.AddLeadAsync(campaign, TestValues.Phone());
        }

        await calls.ConfirmOkAsync(await calls.DialOrFailAsync(campaign, "agent-anna"), new { code = "sold-by-phone", comment = "Yes" });
        await calls.ConfirmOkAsync(await calls.DialOrFailAsync(campaign, "agent-bruno"), new { code = "not-interested", comment = "No" });
        await calls.DialOrFailAsync(campaign, "agent-carla");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        var page = await context.NewPageAsync();
        var urls = new List<string>();
        page.Request += (_, request) => urls.Add(request.Url);

        try
        {
            // Sign in: the form posts the key once; the page then lives on its session cookie.
            await page.GotoAsync($"{api.BaseAddress}wallboard?campaignId={campaign}");
            await page.Locator("input[name=apiKey]").FillAsync(CrmApiFactory.SupervisorKey);
            await page.Locator("#sign-in button[type=submit]").ClickAsync();
            await Expect(page.Locator("#connection")).ToHaveTextAsync("Live", Soon);
            var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "crm_wallboard");
            Assert.True(cookie.HttpOnly);
            Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

            // The bars: the catalog's colors, a text label beside every color.
            var anna = page.Locator("tr[data-agent=agent-anna]");
            var sold = anna.Locator(".segment[data-outcome=sold-by-phone]");
            await Expect(sold).ToHaveAttributeAsync("data-count", "1");
            await Expect(sold).ToHaveCSSAsync("background-color", "rgb(27, 94, 32)");
            await Expect(sold).ToHaveAttributeAsync("aria-label", "Sold by phone: 1");
            await Expect(anna.Locator(".legend li[data-outcome=sold-by-phone]")).ToHaveTextAsync("Sold by phone 1");
            await Expect(page.Locator("tr[data-agent=agent-bruno] .segment[data-outcome=not-interested]")).ToHaveCSSAsync("background-color", "rgb(121, 85, 72)");
            await Expect(page.Locator("tr[data-agent=agent-carla] .state")).ToContainTextAsync("In a call since");
            await Expect(page.Locator($"[data-campaign={campaign}] .clock")).ToContainTextAsync("Europe/Rome");

            // An outcome confirmed through the API reaches the page without a reload.
            await calls.ConfirmOkAsync(await calls.DialOrFailAsync(campaign, "agent-anna"), new { code = "sold-by-phone", comment = "Again" });
            await Expect(sold).ToHaveAttributeAsync("data-count", "2", new() { Timeout = 10_000 });
            await Expect(anna.Locator("[data-field=calls]")).ToHaveTextAsync("2");
            await ScreenshotAsync(page, "wallboard-1920x1080.png");
            await page.SetViewportSizeAsync(1366, 768);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at a laptop's width");
            await ScreenshotAsync(page, "wallboard-1366x768.png");
            await page.SetViewportSizeAsync(1920, 1080);

            // The api stops: the page says it is reconnecting; it comes back by itself when the api is up again.
            admin.Dispose();
            await api.DisposeAsync();
            await Expect(page.Locator("#connection")).ToHaveTextAsync("Reconnecting…", Soon);
            api = new KestrelApi(port, database.ConnectionString);
            admin = api.Serve(CrmApiFactory.AdminKey);
            await Expect(page.Locator("#connection")).ToHaveTextAsync("Live", Soon);
            await Expect(sold).ToHaveAttributeAsync("data-count", "2");

            // Sign out: the session ends and the page asks for a key again.
            await page.Locator("#sign-out button").ClickAsync();
            await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
            await Expect(page.Locator("#connection")).ToHaveTextAsync("Signed out");
            Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "crm_wallboard");
            Assert.DoesNotContain(urls, u => u.Contains(CrmApiFactory.SupervisorKey, StringComparison.Ordinal));
        }
        finally
        {
            admin.Dispose();
            await api.DisposeAsync();
        }
    }

    /// <summary>A screenshot beside the test's results, and in docs/ when WALLBOARD_SCREENSHOTS names that folder.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("WALLBOARD_SCREENSHOTS") is { Length: > 0 } asked ? asked : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = false });
    }
}
