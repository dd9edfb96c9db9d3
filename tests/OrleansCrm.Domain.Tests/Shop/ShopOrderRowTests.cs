using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Domain.Tests.Shop;

public sealed class ShopOrderRowTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 18, 0, 0, TimeSpan.Zero);

    private static readonly ShopStores Stores = new([
        new ShopStore("us", "[0-9]{9}", "https://shop.example/admin/sales/order/view/order_id/{shopOrderId}/"),
        new ShopStore("eu", "EU[0-9]{6}", "https://eu.shop.example/orders/{incrementId}"),
    ]);

    private static ShopOrderRow Row(string? store = "us", string? incrementId = "100000123", string? createdAt = "2026-03-02 15:05:00", string? updatedAt = null) =>
        new(store, incrementId, "4711", createdAt, updatedAt, "pending", 49.90m, "USD", "ann@example.com", "+15551234567", " jsmith ");

    private static (ShopOrder? Order, IReadOnlyDictionary<string, string[]> Errors) Check(ShopOrderRow row)
    {
        var v = new Validator();
        var order = row.Check(Stores, Now, v);
        return (order, v.Errors);
    }

    [Fact]
    public void The_shops_zone_less_created_at_is_read_as_utc()
    {
        var (order, _) = Check(Row(createdAt: "2026-03-02 15:05:00"));

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 15, 5, 0, TimeSpan.Zero), order!.CreatedAt);
        Assert.Equal(TimeSpan.Zero, order.CreatedAt.Offset);
        Assert.Equal("jsmith", order.SalesRep);
    }

    [Fact]
    public void A_timestamp_with_an_explicit_offset_is_honoured_and_kept_in_utc()
    {
        Assert.True(ShopTimestamps.TryParse("2026-03-02T10:05:00-05:00", out var instant));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 15, 5, 0, TimeSpan.Zero), instant);
        Assert.Equal("2026-03-02 15:05:00", ShopTimestamps.Format(instant));
    }

    [Fact]
    public void A_row_without_created_at_is_refused_on_that_field()
    {
        var (order, errors) = Check(Row(createdAt: null));

        Assert.Null(order);
        Assert.Equal(["createdAt"], errors.Keys);
    }

    [Fact]
    public void A_created_at_in_the_future_is_refused()
    {
        var (_, errors) = Check(Row(createdAt: "2026-03-02 18:00:01"));

        Assert.Contains("in the future", Assert.Single(errors["createdAt"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_created_at_that_is_no_timestamp_is_refused()
    {
        Assert.Equal(["createdAt"], Check(Row(createdAt: "yesterday")).Errors.Keys);
    }

    [Fact]
    public void A_store_that_is_not_configured_is_refused()
    {
        var (_, errors) = Check(Row(store: "mars"));

        Assert.Contains("not a configured store", Assert.Single(errors["storeCode"]), StringComparison.Ordinal);
    }

    [Fact]
    public void An_increment_id_not_in_the_stores_shape_is_refused()
    {
        Assert.Equal(["incrementId"], Check(Row(incrementId: "EU123456")).Errors.Keys);
        Assert.Equal(["incrementId"], Check(Row(incrementId: "12345")).Errors.Keys);
        Assert.Null(Check(Row(store: "eu", incrementId: "EU123456")).Errors.Keys.FirstOrDefault());
    }

    [Fact]
    public void An_edition_suffix_is_allowed_on_any_stores_shape()
    {
        Assert.Empty(Check(Row(incrementId: "100000123-1")).Errors);
        Assert.Empty(Check(Row(incrementId: "100000123-12")).Errors);
    }

    [Fact]
    public void No_store_named_means_the_first_configured_store()
    {
        Assert.Equal("us", Check(Row(store: null)).Order!.StoreCode);
    }

    [Fact]
    public void The_view_url_fills_the_stores_template()
    {
        var order = Check(Row()).Order!;

        Assert.Equal("https://shop.example/admin/sales/order/view/order_id/4711/", Stores.Find("us")!.ViewUrl(order));
    }

    [Fact]
    public void Re_created_orders_share_their_chain_and_count_their_edition()
    {
        Assert.Equal("100000123", IncrementIds.ChainBase("100000123-2"));
        Assert.Equal(2, IncrementIds.Edition("100000123-2"));
        Assert.Equal(0, IncrementIds.Edition("100000123"));
        Assert.Equal("100000123", IncrementIds.ChainBase("100000123"));
    }
}
