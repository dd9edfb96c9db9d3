using Npgsql;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>Reading the call stores' rows.</summary>
internal static class NpgsqlReading
{
    public static string? GetStringOrNull(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
