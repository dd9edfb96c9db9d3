using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansCrm.Domain.Common;

/// <summary>
/// The instants the CRM takes: ISO 8601 with an explicit offset ('Z' or ±hh:mm), never a local time
/// read in the server's zone, from <see cref="Earliest"/> to before <see cref="Latest"/> — so date
/// arithmetic on them (agendas, reports, trial plans, the test clock) can never overflow.
/// </summary>
public static partial class Instants
{
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string Rule = "must be an ISO 8601 instant with an offset (e.g. 2026-12-04T10:00:00Z or 2026-12-04T11:00:00+01:00), from 2000-01-01 to before 2100-01-01";

    /// <summary>Reads an instant as a client sent it, or says what is wrong with it.</summary>
    public static bool TryRead(string? text, out DateTimeOffset instant, out string? problem)
    {
        instant = default;
        problem = null;
        if (text is null || !Shape().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out instant))
        {
            problem = Rule + ".";
            return false;
        }

        if (!InRange(instant))
        {
            problem = Rule + ".";
            return false;
        }

        return true;
    }

    public static bool InRange(DateTimeOffset instant) => instant >= Earliest && instant < Latest;

    // Date 'T' time, optional seconds and fraction, then Z or an offset: nothing else.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?([Zz]|[+\-]\d{2}:\d{2})\z")]
    private static partial Regex Shape();
}
