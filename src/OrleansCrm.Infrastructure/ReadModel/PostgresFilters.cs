using Npgsql;
using NpgsqlTypes;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>The read-model stores' query parameters: a typed value that may be absent (the query's <c>$n IS NULL OR …</c>), and text searches.</summary>
internal static class PostgresFilters
{
    /// <summary>Adds the next positional parameter, typed, as SQL NULL when <paramref name="value"/> is null.</summary>
    public static void AddFilter(this NpgsqlCommand command, NpgsqlDbType type, object? value) =>
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type, Value = value ?? DBNull.Value });

    /// <summary>The LIKE pattern that finds <paramref name="text"/> anywhere, taken literally; null for no text.</summary>
    public static string? Containing(string? text) => string.IsNullOrEmpty(text) ? null : "%" + EscapeLike(text) + "%";

    /// <summary><paramref name="value"/> with the LIKE wildcards and the escape character taken literally.</summary>
    public static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
