using System.Globalization;

namespace OrleansCrm.Domain.Calls;

/// <summary>Booking ids carry their agent, so a booking is found from its id alone: <c>bk-{agentId}-{yyyyMMddHHmm}-{n}</c>.</summary>
public static class BookingIds
{
    private const string Prefix = "bk-";

    public static string New(string agentId, DateTimeOffset start, int n) =>
        $"{Prefix}{agentId}-{start.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}-{n.ToString(CultureInfo.InvariantCulture)}";

    public static string? AgentOf(string bookingId)
    {
        if (!bookingId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var last = bookingId.LastIndexOf('-');
        var stamp = last > 0 ? bookingId.LastIndexOf('-', last - 1) : -1;
        return stamp > Prefix.Length ? bookingId[Prefix.Length..stamp] : null;
    }
}
