using Npgsql;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>Reading the read-model stores' rows: the nullable columns.</summary>
internal static class PostgresReading
{
    public static string? GetStringOrNull(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset? GetDateTimeOffsetOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
