using Npgsql;
using NpgsqlTypes;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>What the batched PostgreSQL upserts share: one array parameter per column for <c>unnest</c>, and telling a bad row from a bad server.</summary>
internal static class PostgresBatches
{
    /// <summary>
    /// The batch's newest entry per key, in key order. ON CONFLICT cannot touch one row twice in a statement,
    /// and writers that lock rows in the same order cannot deadlock each other.
    /// </summary>
    public static List<T> NewestPerKey<T, TKey>(IReadOnlyList<T> batch, Func<T, TKey> key, Func<T, long> version, IComparer<TKey> keyOrder)
        where TKey : notnull =>
        batch.GroupBy(key)
            .Select(g => g.MaxBy(version)!)
            .OrderBy(key, keyOrder)
            .ToList();

    /// <summary>Adds the next positional parameter: one column of the rows, as an array of <paramref name="elementType"/>.</summary>
    public static void AddColumn<T, TValue>(this NpgsqlCommand command, List<T> rows, NpgsqlDbType elementType, Func<T, TValue> column) =>
        command.Parameters.Add(new NpgsqlParameter<TValue[]>
        {
            NpgsqlDbType = NpgsqlDbType.Array | elementType,
            TypedValue = rows.Select(column).ToArray(),
        });

    /// <summary>The server refused the data (a data exception or a violated constraint), not the request: the same rows written one by one will tell whose they were.</summary>
    public static bool RejectsData(Exception exception) =>
        exception is PostgresException { SqlState: var state } && (state.StartsWith("22", StringComparison.Ordinal) || state.StartsWith("23", StringComparison.Ordinal));
}
