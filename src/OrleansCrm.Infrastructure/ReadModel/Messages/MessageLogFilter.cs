using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.ReadModel.Messages;

/// <summary>The message log's filter as one rule, for the in-memory store (PostgreSQL says the same in SQL).</summary>
internal static class MessageLogFilter
{
    public static bool Matches(this MessageLogQuery query, MessageLogEntry entry) =>
        (query.CustomerId is null || string.Equals(entry.CustomerId, query.CustomerId, StringComparison.Ordinal))
        && (query.OrderNumber is null || string.Equals(entry.OrderNumber, query.OrderNumber, StringComparison.Ordinal))
        && (query.CallId is null || string.Equals(entry.CallId, query.CallId, StringComparison.Ordinal))
        && (query.Status is null || entry.Status == query.Status)
        && (query.Channel is null || string.Equals(entry.Channel, query.Channel, StringComparison.Ordinal));
}
