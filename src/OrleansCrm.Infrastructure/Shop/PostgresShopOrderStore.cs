using Npgsql;
using NpgsqlTypes;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Shop;
using OrleansCrm.Infrastructure.ReadModel;

namespace OrleansCrm.Infrastructure.Shop;

/// <summary>
/// The shop orders in PostgreSQL (table <c>crm_shop_orders</c>, see deploy/sql): one multi-row <c>unnest</c> upsert per
/// batch, in key order, after one read of who holds the batch's increment ids.
/// </summary>
public sealed class PostgresShopOrderStore(NpgsqlDataSource db) : IShopOrderStore
{
    private const string Columns =
        "store_code, shop_order_id, increment_id, chain_base, edition, created_at, updated_at, status, grand_total, currency, customer_email, customer_phone, sales_rep";

    public async Task<IReadOnlyList<ShopOrderRefusal>> UpsertAsync(IReadOnlyList<ShopOrder> orders, CancellationToken cancellationToken = default)
    {
        var refused = new List<ShopOrderRefusal>();
        var holders = await HoldersAsync(orders, cancellationToken);

        // The last row for one shop order wins, as it would one request after another.
        var lastOf = new Dictionary<(string, string), int>();
        for (var i = 0; i < orders.Count; i++)
        {
            lastOf[(orders[i].StoreCode, orders[i].ShopOrderId)] = i;
        }

        var rows = new List<ShopOrder>();
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            if (lastOf[(order.StoreCode, order.ShopOrderId)] != i)
            {
                continue;
            }

            var key = new ShopOrderKey(order.StoreCode, order.IncrementId);
            if (holders.TryGetValue(key, out var holder) && holder != order.ShopOrderId)
            {
                refused.Add(ShopOrderRefusals.HeldByAnother(i, order, holder));
                continue;
            }

            holders[key] = order.ShopOrderId;
            rows.Add(order);
        }

        if (rows.Count > 0)
        {
            rows.Sort((a, b) => (string.CompareOrdinal(a.StoreCode, b.StoreCode), string.CompareOrdinal(a.ShopOrderId, b.ShopOrderId)) switch
            {
                (0, var byId) => byId,
                (var byStore, _) => byStore,
            });
            await WriteAsync(rows, cancellationToken);
        }

        return refused;
    }

    public async Task<IReadOnlyList<ShopOrder>> ChainsAsync(IReadOnlyCollection<ShopOrderKey> chains, CancellationToken cancellationToken = default)
    {
        var keys = chains.Distinct().ToList();
        await using var command = db.CreateCommand(
            $"""
            SELECT {Columns}
              FROM crm_shop_orders o
              JOIN unnest($1::text[], $2::text[]) AS k(store_code, chain_base) USING (store_code, chain_base)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.StoreCode).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = keys.Select(k => k.IncrementId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<ShopOrder?> FindAsync(ShopOrderKey order, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand($"SELECT {Columns} FROM crm_shop_orders WHERE store_code = $1 AND increment_id = $2");
        command.Parameters.AddWithValue(order.StoreCode);
        command.Parameters.AddWithValue(order.IncrementId);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<ShopOrder>> ForRepAsync(string salesRep, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var command = db.CreateCommand(
            $"""
            SELECT {Columns} FROM crm_shop_orders
             WHERE lower(sales_rep) = lower($1) AND sales_rep IS NOT NULL AND created_at >= $2 AND created_at < $3
             ORDER BY created_at, increment_id
            """);
        command.Parameters.AddWithValue(salesRep);
        command.AddFilter(NpgsqlDbType.TimestampTz, from.UtcDateTime);
        command.AddFilter(NpgsqlDbType.TimestampTz, to.UtcDateTime);
        return await ReadAsync(command, cancellationToken);
    }

    private async Task<Dictionary<ShopOrderKey, string>> HoldersAsync(IReadOnlyList<ShopOrder> orders, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            """
            SELECT o.store_code, o.increment_id, o.shop_order_id
              FROM crm_shop_orders o
              JOIN unnest($1::text[], $2::text[]) AS k(store_code, increment_id) USING (store_code, increment_id)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = orders.Select(o => o.StoreCode).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = orders.Select(o => o.IncrementId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var holders = new Dictionary<ShopOrderKey, string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            holders[new ShopOrderKey(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }

        return holders;
    }

    private async Task WriteAsync(List<ShopOrder> rows, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand(
            $"""
            INSERT INTO crm_shop_orders ({Columns})
            SELECT * FROM unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (store_code, shop_order_id) DO UPDATE
               SET increment_id = excluded.increment_id, chain_base = excluded.chain_base, edition = excluded.edition,
                   created_at = excluded.created_at, updated_at = excluded.updated_at, status = excluded.status,
                   grand_total = excluded.grand_total, currency = excluded.currency, customer_email = excluded.customer_email,
                   customer_phone = excluded.customer_phone, sales_rep = excluded.sales_rep
            """);
        command.AddColumn(rows, NpgsqlDbType.Text, o => o.StoreCode);
        command.AddColumn(rows, NpgsqlDbType.Text, o => o.ShopOrderId);
        command.AddColumn(rows, NpgsqlDbType.Text, o => o.IncrementId);
        command.AddColumn(rows, NpgsqlDbType.Text, o => o.ChainKey.IncrementId);
        command.AddColumn(rows, NpgsqlDbType.Integer, o => o.Edition);
        command.AddColumn(rows, NpgsqlDbType.TimestampTz, o => o.CreatedAt.UtcDateTime);
        command.AddColumn(rows, NpgsqlDbType.TimestampTz, o => o.UpdatedAt?.UtcDateTime);
        command.AddColumn(rows, NpgsqlDbType.Text, o => o.Status);
        command.AddColumn(rows, NpgsqlDbType.Numeric, o => o.GrandTotal);
        command.AddColumn(rows, NpgsqlDbType.Text, o => o.Currency);
        command.AddColumn(rows, NpgsqlDbType.Text, o => o.CustomerEmail);
        command.AddColumn(rows, NpgsqlDbType.Text, o => o.CustomerPhone);
        command.AddColumn(rows, NpgsqlDbType.Text, o => o.SalesRep);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<ShopOrder>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var orders = new List<ShopOrder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            orders.Add(new ShopOrder(
                reader.GetString(0), reader.GetString(2), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(7),
                reader.GetDecimal(8), reader.GetString(9), reader.GetStringOrNull(10), reader.GetStringOrNull(11), reader.GetStringOrNull(12),
                reader.GetDateTimeOffsetOrNull(6)));
        }

        return orders;
    }
}
