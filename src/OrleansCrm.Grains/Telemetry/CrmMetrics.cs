using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Payments;

namespace OrleansCrm.Grains.Telemetry;

/// <summary>
/// The business meters (meter <c>OrleansCrm</c>), exported with ASP.NET Core's and Orleans' own through OpenTelemetry:
/// charges and refunds by result, money moved by currency, outcomes by type, dialer hand-outs by stage, messages
/// recorded and settled by channel and status, and reminder ticks with their delay past due. Counts are at most once:
/// a counter moves after the state that says so was written, so a crash in between loses a count, never doubles one.
/// </summary>
public static class CrmMetrics
{
    public const string MeterName = "OrleansCrm";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Payments = Meter.CreateCounter<long>("crm.payments", "{call}", "Calls to the payment provider, by kind (charge, refund) and result.");
    private static readonly Counter<long> Money = Meter.CreateCounter<long>("crm.money.minor", "{minor unit}", "Money the provider approved, in minor units, by kind and currency.");
    private static readonly Counter<long> Outcomes = Meter.CreateCounter<long>("crm.outcomes", "{outcome}", "Confirmed call outcomes, by type (R, N, C, T).");
    private static readonly Counter<long> HandOuts = Meter.CreateCounter<long>("crm.dialer.handouts", "{contact}", "Contacts the dialer handed out, by stage (PrivateCallback, Callback, Retry, New).");
    private static readonly UpDownCounter<long> Backlog = Meter.CreateUpDownCounter<long>("crm.outbox.backlog", "{message}", "Messages recorded and not yet settled, by channel.");
    private static readonly Counter<long> Settled = Meter.CreateCounter<long>("crm.outbox.settled", "{message}", "Messages settled, by channel and status (Sent, Failed, Skipped, …).");
    private static readonly Counter<long> Ticks = Meter.CreateCounter<long>("crm.reminder.ticks", "{tick}", "Reminder ticks delivered to grains, by grain type.");
    private static readonly Histogram<double> TickDelay = Meter.CreateHistogram<double>("crm.reminder.delay", "s", "How late a reminder tick arrived after its due instant, by grain type.");
    private static readonly ConcurrentDictionary<DialerQueueDepth, byte> Queues = new();
    private static readonly ObservableGauge<long> QueueDepth = Meter.CreateObservableGauge("crm.dialer.queue", ObserveQueues, "{contact}", "Contacts in the dialers' queues active in this process, by stage (Due, Scheduled, Leased, Done).");

    public static void Payment(string kind, PaymentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Payments.Add(1, new("kind", kind), new("result", result.Status.ToString()));
        if (result.Status == PaymentStatus.Approved)
        {
            Money.Add(result.AmountMinor, new("kind", kind), new("currency", result.Currency));
        }
    }

    public static void OutcomeConfirmed(OutcomeType? type) => Outcomes.Add(1, new KeyValuePair<string, object?>("type", type?.ToString() ?? "none"));

    public static void HandedOut(HandOutReason stage) => HandOuts.Add(1, new KeyValuePair<string, object?>("stage", stage.ToString()));

    /// <summary>An active dialer's place in the queue-depth gauge: it publishes its stats, and disposes the place when it deactivates.</summary>
    public static DialerQueueDepth TrackDialerQueue()
    {
        _ = QueueDepth;
        var depth = new DialerQueueDepth(d => Queues.TryRemove(d, out _));
        Queues[depth] = 0;
        return depth;
    }

    private static IEnumerable<Measurement<long>> ObserveQueues()
    {
        long due = 0, scheduled = 0, leased = 0, done = 0;
        foreach (var stats in Queues.Keys.Select(q => q.Last))
        {
            (due, scheduled, leased, done) = (due + stats.Due, scheduled + stats.Scheduled, leased + stats.Leased, done + stats.Done);
        }

        return
        [
            new(due, new KeyValuePair<string, object?>("stage", "Due")),
            new(scheduled, new KeyValuePair<string, object?>("stage", "Scheduled")),
            new(leased, new KeyValuePair<string, object?>("stage", "Leased")),
            new(done, new KeyValuePair<string, object?>("stage", "Done")),
        ];
    }

    public static void MessageRecorded(string channel) => Backlog.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public static void MessageSettled(string channel, string status)
    {
        Backlog.Add(-1, new KeyValuePair<string, object?>("channel", channel));
        Settled.Add(1, new("channel", channel), new("status", status));
    }

    public static void ReminderTick(string grainType, TimeSpan late)
    {
        Ticks.Add(1, new KeyValuePair<string, object?>("grain", grainType));
        TickDelay.Record(Math.Max(0, late.TotalSeconds), new KeyValuePair<string, object?>("grain", grainType));
    }
}
