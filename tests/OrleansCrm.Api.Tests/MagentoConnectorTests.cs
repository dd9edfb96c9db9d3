using OrleansCrm.Domain.Shop;
using OrleansCrm.Infrastructure.Shop;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>The Magento 2 pull connector against a real local Magento-shaped server (Kestrel on 127.0.0.1).</summary>
public sealed class MagentoConnectorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Night = new(2026, 3, 3, 7, 0, 0, TimeSpan.Zero);

    private MagentoShopSink shop = null!;
    private readonly InMemoryShopOrderStore store = new();

    public async ValueTask InitializeAsync() => shop = await MagentoShopSink.StartAsync();

    public async ValueTask DisposeAsync() => await shop.DisposeAsync();

    private MagentoOrderSync Sync(int pageSize = 2, string token = MagentoShopSink.Token) =>
        new(new HttpClient { BaseAddress = shop.BaseUrl }, new MagentoSettings { BaseUrl = shop.BaseUrl, Token = token, PageSize = pageSize }, ShopStores.Default, store);

    [Fact]
    public async Task The_pull_stops_on_the_total_count_although_magento_repeats_the_last_page_past_the_end()
    {
        for (var i = 1; i <= 5; i++)
        {
            shop.AddOrder(i, $"10000000{i}", Night.AddHours(-10 + i), Night.AddHours(-10 + i), "jsmith");
        }

        var result = await Sync(pageSize: 2).SyncAsync(null, Night);

        Assert.Null(result.Error);
        Assert.Equal(5, result.Orders);
        Assert.Equal(Night, result.Watermark);
        Assert.Equal(3, shop.Requests.Count);
        Assert.NotNull(await store.FindAsync(new ShopOrderKey("default", "100000005")));
    }

    [Fact]
    public async Task Magentos_zone_less_timestamps_are_read_as_utc_and_the_rep_comes_from_the_configured_field()
    {
        shop.AddOrder(7, "100000007", new DateTimeOffset(2026, 3, 2, 15, 5, 0, TimeSpan.Zero), Night.AddHours(-1), "jsmith", 49.90m);

        await Sync().SyncAsync(null, Night);

        var order = (await store.FindAsync(new ShopOrderKey("default", "100000007")))!;
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 15, 5, 0, TimeSpan.Zero), order.CreatedAt);
        Assert.Equal("jsmith", order.SalesRep);
        Assert.Equal("7", order.ShopOrderId);
        Assert.Equal(49.90m, order.GrandTotal);
        Assert.Equal("+15551234567", order.CustomerPhone);
    }

    [Fact]
    public async Task The_next_pull_asks_only_for_orders_updated_since_the_watermark_with_the_bearer_token()
    {
        shop.AddOrder(1, "100000001", Night.AddDays(-2), Night.AddDays(-2), "jsmith");
        shop.AddOrder(2, "100000002", Night.AddHours(-2), Night.AddHours(-2), "jsmith");

        var result = await Sync().SyncAsync(Night.AddDays(-1), Night);

        Assert.Equal(1, result.Orders);
        Assert.Contains("=gteq", shop.Requests[0], StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("2026-03-02 07:00:00"), shop.Requests[0], StringComparison.Ordinal);
        Assert.Null(await store.FindAsync(new ShopOrderKey("default", "100000001")));
    }

    [Theory]
    [InlineData(MagentoAnswer.NotJson)]
    [InlineData(MagentoAnswer.CutShort)]
    public async Task An_answer_that_is_not_json_or_is_cut_short_ends_the_sync_with_the_error_and_the_previous_watermark(MagentoAnswer answer)
    {
        shop.AddOrder(1, "100000001", Night.AddHours(-2), Night.AddHours(-2), "jsmith");
        shop.Answer = answer;
        var previous = Night.AddDays(-1);

        var result = await Sync().SyncAsync(previous, Night);

        Assert.NotNull(result.Error);
        Assert.Equal(previous, result.Watermark);
    }

    [Fact]
    public async Task A_refused_token_ends_the_sync_with_the_error_and_the_previous_watermark()
    {
        var result = await Sync(token: "wrong").SyncAsync(null, Night);

        Assert.Contains("401", result.Error, StringComparison.Ordinal);
        Assert.Null(result.Watermark);
    }
}
