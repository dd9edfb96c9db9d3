using System.Globalization;

namespace OrleansCrm.FaultTests;

/// <summary>How long the run lasts and how much it does; every loop of the harness is bounded by these.</summary>
internal sealed record FaultOptions(
    int Seconds,
    int Orders,
    int TrialEnds,
    int Leads,
    int Agents,
    int OrderClients,
    int KillEverySeconds,
    int Kills,
    int PartitionSeconds,
    string LogDirectory,
    bool TolerateDialerRestartLeases = false,
    int Bookers = 2,
    int BookingLeads = 300)
{
    /// <summary>The CI form: 90 s, one kill, one PostgreSQL restart, one partition.</summary>
    public static FaultOptions Short(string logDirectory) => new(90, 120, 80, 200, 3, 4, 10, 1, 30, logDirectory);

    public static FaultOptions Parse(string[] args)
    {
        var logs = Value(args, "--logs", Path.Combine(Path.GetTempPath(), "crm-faults-" + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)));
        var basis = args.Contains("--short") ? Short(logs) : new FaultOptions(600, 1500, 3000, 20_000, 8, 16, 10, int.MaxValue, 30, logs, Bookers: 3, BookingLeads: 1000);
        return basis with
        {
            Seconds = Int(args, "--seconds", basis.Seconds),
            Orders = Int(args, "--orders", basis.Orders),
            TrialEnds = Int(args, "--trial-ends", basis.TrialEnds),
            Leads = Int(args, "--leads", basis.Leads),
            Agents = Int(args, "--agents", basis.Agents),
            OrderClients = Int(args, "--order-clients", basis.OrderClients),
            KillEverySeconds = Int(args, "--kill-every", basis.KillEverySeconds),
            Kills = Int(args, "--kills", basis.Kills),
            PartitionSeconds = Int(args, "--partition", basis.PartitionSeconds),
            TolerateDialerRestartLeases = args.Contains("--tolerate-dialer-restart-leases"),
            Bookers = Int(args, "--bookers", basis.Bookers),
            BookingLeads = Int(args, "--booking-leads", basis.BookingLeads),
        };
    }

    private static string Value(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static int Int(string[] args, string name, int fallback) =>
        int.Parse(Value(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
}
