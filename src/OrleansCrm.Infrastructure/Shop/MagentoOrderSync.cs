using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Infrastructure.Shop;

/// <summary>
/// The nightly pull from a Magento 2-compatible REST API: <c>GET rest/V1/orders?searchCriteria…</c>, the orders
/// updated since the previous watermark, page by page, with a bearer token. Magento answers a page past the last one
/// with the last page again, so the pull stops on <c>total_count</c>, never on an empty page. Each page is stored as
/// it comes; an answer that is not JSON, or a page cut short before the total, ends the sync with the error and the
/// previous watermark (the next night reads again from there: the store's upsert makes that harmless).
/// </summary>
public sealed class MagentoOrderSync(HttpClient http, MagentoSettings settings, ShopStores stores, IShopOrderStore store) : IShopOrderSync
{
    public async Task<ShopSyncResult> SyncAsync(DateTimeOffset? previousWatermark, DateTimeOffset startedAt, CancellationToken cancellationToken = default)
    {
        var storeCode = settings.StoreCode ?? stores.DefaultStore.Code;
        var stored = 0;
        var read = 0;
        for (var page = 1; ; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, PageUri(previousWatermark, page));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.Token);
            string body;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return Failed(stored, previousWatermark, $"page {page}: the shop answered {(int)response.StatusCode}.");
                }
            }
            catch (HttpRequestException ex)
            {
                return Failed(stored, previousWatermark, $"page {page}: {ex.Message}");
            }

            if (!TryReadPage(body, out var items, out var total))
            {
                return Failed(stored, previousWatermark, $"page {page}: the answer is not a JSON page of orders (items and total_count), or it is cut short.");
            }

            if (items.Count == 0 && read < total)
            {
                return Failed(stored, previousWatermark, $"page {page}: empty after {read} of {total} orders.");
            }

            var orders = new List<ShopOrder>();
            foreach (var item in items.Take(total - read))
            {
                if (Row(item, storeCode).Check(stores, startedAt, new Validator()) is { } order)
                {
                    orders.Add(order);
                }
            }

            read += Math.Min(items.Count, total - read);
            if (orders.Count > 0)
            {
                stored += orders.Count - (await store.UpsertAsync(orders, cancellationToken)).Count;
            }

            if (read >= total)
            {
                return new ShopSyncResult(stored, startedAt, null);
            }
        }
    }

    private static ShopSyncResult Failed(int stored, DateTimeOffset? previous, string error) => new(stored, previous, error);

    private string PageUri(DateTimeOffset? since, int page)
    {
        var query = new List<string>();
        if (since is { } watermark)
        {
            query.Add("searchCriteria[filter_groups][0][filters][0][field]=updated_at");
            query.Add("searchCriteria[filter_groups][0][filters][0][value]=" + Uri.EscapeDataString(ShopTimestamps.Format(watermark)));
            query.Add("searchCriteria[filter_groups][0][filters][0][condition_type]=gteq");
        }

        query.Add("searchCriteria[sortOrders][0][field]=updated_at");
        query.Add("searchCriteria[sortOrders][0][direction]=ASC");
        query.Add("searchCriteria[pageSize]=" + settings.PageSize.ToString(CultureInfo.InvariantCulture));
        query.Add("searchCriteria[currentPage]=" + page.ToString(CultureInfo.InvariantCulture));
        return "rest/V1/orders?" + string.Join('&', query);
    }

    private static bool TryReadPage(string body, out List<JsonElement> items, out int total)
    {
        (items, total) = ([], 0);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("items", out var list) || list.ValueKind != JsonValueKind.Array
                || !root.TryGetProperty("total_count", out var count) || !count.TryGetInt32(out total))
            {
                return false;
            }

            items = [.. list.EnumerateArray().Select(i => i.Clone())];
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private ShopOrderRow Row(JsonElement item, string storeCode) => new(
        storeCode,
        Text(item, "increment_id"),
        Text(item, "entity_id"),
        Text(item, "created_at"),
        Text(item, "updated_at"),
        Text(item, "status"),
        item.TryGetProperty("grand_total", out var total) && total.ValueKind == JsonValueKind.Number ? total.GetDecimal() : null,
        Text(item, "order_currency_code"),
        Text(item, "customer_email"),
        Text(item, "billing_address.telephone"),
        Text(item, settings.SalesRepField));

    /// <summary>A dotted path's value as text (numbers too: Magento's entity_id is a number).</summary>
    private static string? Text(JsonElement item, string path)
    {
        var at = item;
        foreach (var part in path.Split('.'))
        {
            if (at.ValueKind != JsonValueKind.Object || !at.TryGetProperty(part, out at))
            {
                return null;
            }
        }

        return at.ValueKind switch
        {
            JsonValueKind.String => at.GetString(),
            JsonValueKind.Number => at.GetRawText(),
            _ => null,
        };
    }
}
