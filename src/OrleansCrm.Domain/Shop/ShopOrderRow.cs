using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Shop;

/// <summary>
/// One shop order as the shop sends it (pushed, or read from the connector's page), before it is checked: the
/// timestamps still as the shop writes them (UTC, zone-less).
/// </summary>
public sealed record ShopOrderRow(
    string? StoreCode,
    string? IncrementId,
    string? ShopOrderId,
    string? CreatedAt,
    string? UpdatedAt,
    string? Status,
    decimal? GrandTotal,
    string? Currency,
    string? CustomerEmail,
    string? CustomerPhone,
    string? SalesRep)
{
    /// <summary>
    /// The order, or what is wrong with the row (field by field): a store not configured, an increment id not in the
    /// store's shape, no shop id, no or an unreadable created-at, a created-at or updated-at in the future, no currency.
    /// </summary>
    public ShopOrder? Check(ShopStores stores, DateTimeOffset now, Validator v)
    {
        var key = stores.Check(v, StoreCode, IncrementId, "storeCode", "incrementId");
        v.Id("shopOrderId", ShopOrderId);
        var created = Instant(v, "createdAt", CreatedAt, now, required: true);
        var updated = Instant(v, "updatedAt", UpdatedAt, now, required: false);
        v.Text("status", Status, Validator.NameMaxLength);
        v.Currency("currency", Currency);
        if (GrandTotal is < 0)
        {
            v.Add("grandTotal", "cannot be negative.");
        }
        else if (GrandTotal > Common.Currency.MaxAmount)
        {
            v.Add("grandTotal", $"must be at most {Common.Currency.MaxAmount:0}.");
        }

        v.Text("customerEmail", CustomerEmail, Validator.NameMaxLength);
        v.Text("customerPhone", CustomerPhone, Validator.NameMaxLength);
        v.Text("salesRep", SalesRep, Validator.NameMaxLength);
        if (!v.IsValid || key is not { } order || created is not { } createdAt)
        {
            return null;
        }

        var rep = string.IsNullOrWhiteSpace(SalesRep) ? null : SalesRep.Trim();
        return new ShopOrder(order.StoreCode, order.IncrementId, ShopOrderId!, createdAt, Status ?? "", GrandTotal ?? 0m, Currency!, CustomerEmail, CustomerPhone, rep, updated);
    }

    private static DateTimeOffset? Instant(Validator v, string field, string? text, DateTimeOffset now, bool required)
    {
        if (text is null)
        {
            if (required)
            {
                v.Add(field, "is required (the shop's UTC timestamp, e.g. 2026-03-08 06:59:59).");
            }

            return null;
        }

        if (!ShopTimestamps.TryParse(text, out var instant))
        {
            v.Add(field, $"'{Validator.Shorten(text)}' is not a timestamp (the shop's UTC form is 2026-03-08 06:59:59).");
            return null;
        }

        if (instant > now)
        {
            v.Add(field, $"{instant:O} is in the future (now is {now:O}).");
            return null;
        }

        return instant;
    }
}
