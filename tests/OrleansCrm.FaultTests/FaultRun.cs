using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrleansCrm.FaultTests;

/// <summary>Starts the cluster, runs the workloads under the faults, lets it settle, checks, reports, cleans up.</summary>
internal static partial class FaultRun
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static async Task<int> RunAsync(FaultOptions options)
    {
        Say($"fault run: {options}");
        Say($"load before: {Load()}");
        FaultCluster cluster;
        try
        {
            cluster = await FaultCluster.StartAsync(3, options.LogDirectory, Say);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine("The cluster did not start: " + e);
            return 2;
        }

        var failures = new List<string>();
        try
        {
            await DriveAndCheckAsync(cluster, options, failures);
        }
        catch (Exception e)
        {
            failures.Add("the run itself failed: " + e);
        }
        finally
        {
            await cluster.DisposeAsync();
            var left = await cluster.Network.LeftoversAsync();
            if (left.Count > 0)
            {
                failures.Add("left behind: " + string.Join(", ", left));
            }

            Say("cleaned up: every process ended by its pid, the PostgreSQL cluster dropped, every namespace removed");
        }

        foreach (var failure in failures)
        {
            Console.WriteLine("CHECK FAILED: " + failure);
        }

        Say(failures.Count == 0 ? "every check held" : $"{failures.Count} check(s) failed; logs in {options.LogDirectory}");
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task DriveAndCheckAsync(FaultCluster cluster, FaultOptions options, List<string> failures)
    {
        var http = cluster.Http;
        var run = "f" + Guid.NewGuid().ToString("N")[..6];
        var offerId = run + "-cream";
        (await http.PutAsJsonAsync($"/api/v1/offers/{offerId}", OrderClients.Offer())).EnsureSuccessStatusCode();
        var customers = await OrderClients.CreateCustomersAsync(http, Math.Min(50, Math.Max(1, options.Orders)));
        var campaignId = run + "-calls";
        var phones = await CallAgents.CreateCampaignAsync(http, campaignId, options.Leads);
        Say($"seeded: offer {offerId}, {customers.Count} customers, campaign {campaignId} with {phones.Count} leads and an outcome SMS template");

        // Every booking reminder of the run falls due at one whole minute past the middle of the faults.
        var seededAt = DateTimeOffset.UtcNow;
        var reminderAt = BookingAgents.WholeMinuteFrom(seededAt + TimeSpan.FromSeconds(options.Seconds * 0.55));
        var bookingCampaignId = run + "-bookings";
        var closers = (options.BookingLeads / 250) + 2; // 287 slots a day each: room for the slots refused and retried
        var bookingEmails = await BookingAgents.CreateCampaignAsync(http, bookingCampaignId, run, options.BookingLeads, closers, reminderAt);
        Say($"seeded: campaign {bookingCampaignId} with {bookingEmails.Count} leads, {closers} closers and a booking reminder template due at {reminderAt:O} (+{(reminderAt - seededAt).TotalSeconds:0} s)");

        var start = DateTimeOffset.UtcNow;
        var end = start + TimeSpan.FromSeconds(options.Seconds);
        var orders = new OrderClients(http, customers, offerId, run);
        var agents = new CallAgents(http, campaignId);
        var bookers = new BookingAgents(http, bookingCampaignId, run, reminderAt, closers);
        var probe = new RecoveryProbe(http);
        var faults = new FaultSchedule(cluster, options, Say);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var work = Task.WhenAll(
            orders.RunAsync(options.Orders, options.TrialEnds, options.OrderClients, end - TimeSpan.FromSeconds(20), end - TimeSpan.FromSeconds(5)),
            agents.RunAsync(options.Agents, end),
            bookers.RunAsync(options.Bookers, end));
        var probing = probe.RunAsync(end + TimeSpan.FromSeconds(15));
        await faults.RunAsync(start);
        Say($"faults over; load: {Load()}");
        await work;
        await probing;
        Say($"workloads over: {orders.NumberByKey.Count} orders placed, {orders.MovedTo.Count} trial ends moved, {agents.Confirmed.Count} outcomes confirmed, {bookers.Bookings.Count} meetings booked, {Answered.Retries} sends repeated");

        // Settle: every moved trial end has passed; wait (bounded) for each charge, then for the outbox.
        var numbers = orders.NumberByKey.Values.ToHashSet(StringComparer.Ordinal);
        var dueCharges = orders.MovedTo.Keys.Select(n => n + ":product-charge").ToList();
        await WaitAsync("every due product charge in the ledger", TimeSpan.FromMinutes(4), async () =>
        {
            var charged = await ChargeKeysAsync(cluster);
            return dueCharges.All(charged.Contains);
        });
        var remindersDue = bookers.Bookings.Values.Where(b => b.RemindersDue(reminderAt) == 1).Select(b => bookingEmails[b.ContactId]).ToList();
        await WaitAsync("every booking reminder due received", (reminderAt > DateTimeOffset.UtcNow ? reminderAt - DateTimeOffset.UtcNow : TimeSpan.Zero) + TimeSpan.FromMinutes(3), () =>
            Task.FromResult(DateTimeOffset.UtcNow > reminderAt && remindersDue.All(email => cluster.Smtp.Messages.Any(m => m.Raw.Contains(BookingAgents.Marker, StringComparison.Ordinal) && m.Raw.Contains(email, StringComparison.Ordinal)))));
        await WaitAsync("the outbox settled (no message queued or sending)", TimeSpan.FromMinutes(3), async () =>
            await cluster.Postgres.ScalarAsync<long>("SELECT count(*) FROM crm_messages WHERE status NOT IN ('Sent', 'Failed', 'Skipped', 'Delivered')") == 0);

        await CheckOrdersAsync(cluster, orders, numbers, failures);
        await CheckChargesAsync(cluster, orders, failures);
        await CheckCallsAsync(cluster, agents, phones, campaignId, options, failures);
        CheckBookings(cluster, bookers, bookingEmails, failures);
        await CheckMessagesAsync(cluster, failures);

        var inv = CultureInfo.InvariantCulture;
        Say("---- figures ----");
        Say(string.Create(inv, $"faults: {faults.Injected.Count(f => f.What.StartsWith("kill", StringComparison.Ordinal))} kill -9, 1 PostgreSQL restart, 1 partition of {options.PartitionSeconds} s; silos that stopped themselves: {faults.SelfStopped}"));
        foreach (var fault in faults.Injected.OrderBy(f => f.At))
        {
            var recovery = probe.RecoverySeconds(fault.At);
            Say(string.Create(inv, $"  +{(fault.At - start).TotalSeconds,5:0.0} s {fault.What} ({fault.Detail}): serving steadily again after {(recovery is { } r ? r.ToString("0.0", inv) + " s" : "— (not within the probes)")}"));
        }

        Say(string.Create(inv, $"operations: {orders.NumberByKey.Count} orders (keys {options.Orders} planned), {orders.MovedTo.Count} trial ends moved and charged by reminders, {agents.Holdings.Count} hand-outs, {agents.Confirmed.Count} outcomes, {bookers.Bookings.Count} meetings booked, {cluster.Sms.Received.Count} SMS requests, {cluster.Smtp.Messages.Count} emails received; {Answered.Retries} sends repeated by clients; recovery probes {probe.Count}, failed {probe.Failed}"));
        Say(string.Create(inv, $"harness CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0} s; load after: {Load()}"));
    }

    private static async Task CheckOrdersAsync(FaultCluster cluster, OrderClients orders, HashSet<string> numbers, List<string> failures)
    {
        Expect(failures, orders.Unanswered.IsEmpty, $"orders never answered: {string.Join("; ", orders.Unanswered.Take(5))}");
        Expect(failures, numbers.Count == orders.NumberByKey.Count, $"{orders.NumberByKey.Count} keys answered with only {numbers.Count} distinct numbers");

        // Placed once: the read model holds exactly the answered orders, no order a retry made twice.
        var stored = (await cluster.Postgres.RowsAsync("SELECT number, status FROM crm_orders")).ToDictionary(r => (string)r[0], r => (string)r[1], StringComparer.Ordinal);
        var extra = stored.Keys.Where(n => !numbers.Contains(n)).ToList();
        Expect(failures, extra.Count == 0, $"{extra.Count} orders stored that no key was answered with (placed twice?): {string.Join(", ", extra.Take(5))}");

        // Read model equal to grain state; every order with work still waiting has its reminder armed; a product
        // charge done is in the ledger; a moved trial end is where it was moved to.
        var reminders = (await cluster.Postgres.RowsAsync("SELECT grain_id FROM orleans_reminder")).Select(r => (string)r[0]).ToList();
        var armed = reminders.Where(g => g.StartsWith("order/", StringComparison.Ordinal)).Select(g => g["order/".Length..]).ToHashSet(StringComparer.Ordinal);
        var charged = await ChargeKeysAsync(cluster);
        var mismatched = new List<string>();
        var unarmed = new List<string>();
        var wrong = new List<string>();
        foreach (var number in numbers)
        {
            var page = await ReadAsync(cluster, $"/api/v1/orders/{number}");
            var status = page.GetProperty("status").GetString();
            if (!stored.TryGetValue(number, out var indexed) || indexed != status)
            {
                mismatched.Add($"{number}: grain {status}, read model {indexed ?? "missing"}");
            }

            var workflow = (await ReadAsync(cluster, $"/api/v1/orders/{number}/workflow")).EnumerateArray().ToList();
            if (workflow.Any(e => e.GetProperty("status").GetString() == "Waiting") && !armed.Contains(number))
            {
                unarmed.Add(number);
            }

            var product = workflow.FirstOrDefault(e => e.GetProperty("id").GetString() == "product-charge");
            var productDone = product.ValueKind == JsonValueKind.Object && product.GetProperty("status").GetString() == "Completed";
            if (productDone != charged.Contains(number + ":product-charge"))
            {
                wrong.Add($"{number}: product charge {(productDone ? "completed" : "not completed")} in the order, {(productDone ? "not " : "")}in the ledger");
            }

            var refused = orders.MovesRefused.FirstOrDefault(m => m.Number == number);
            if (refused.Number is not null && product.ValueKind == JsonValueKind.Object && product.GetProperty("scheduledAt").GetDateTimeOffset() == refused.At)
            {
                orders.MovedTo[number] = refused.At; // the first attempt moved it; the retry came after the instant
            }

            if (orders.MovedTo.TryGetValue(number, out var at) && (product.ValueKind != JsonValueKind.Object || product.GetProperty("scheduledAt").GetDateTimeOffset() != at))
            {
                wrong.Add($"{number}: trial end moved to {at:O}, product charge scheduled {(product.ValueKind == JsonValueKind.Object ? product.GetProperty("scheduledAt").GetString() : "nowhere")}");
            }
        }

        // The read model is written after the grain's state (batched): a row behind is waited for, bounded, then judged.
        for (var wait = 0; wait < 60 && mismatched.Count > 0; wait++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var again = new List<string>();
            foreach (var entry in mismatched)
            {
                var number = entry[..entry.IndexOf(':', StringComparison.Ordinal)];
                var status = (await ReadAsync(cluster, $"/api/v1/orders/{number}")).GetProperty("status").GetString();
                var indexed = await cluster.Postgres.ScalarAsync<string>($"SELECT coalesce(max(status), 'missing') FROM crm_orders WHERE number = '{number}'");
                if (indexed != status)
                {
                    again.Add($"{number}: grain {status}, read model {indexed} (after {wait + 1} s)");
                }
            }

            mismatched = again;
        }

        Say($"orders: {numbers.Count} placed once each; {armed.Count} with their reminder armed for work still waiting; {orders.MovesRefused.Count} trial-end retries refused as past, read back");
        Expect(failures, mismatched.Count == 0, $"{mismatched.Count} orders whose read model differs from the grain: {string.Join("; ", mismatched.Take(5))}");
        Expect(failures, unarmed.Count == 0, $"{unarmed.Count} orders with waiting work and no reminder armed: {string.Join(", ", unarmed.Take(5))}");
        Expect(failures, wrong.Count == 0, $"{wrong.Count} orders whose charge or trial end is wrong: {string.Join("; ", wrong.Take(5))}");
    }

    private static async Task CheckChargesAsync(FaultCluster cluster, OrderClients orders, List<string> failures)
    {
        var ledger = await cluster.Postgres.RowsAsync("SELECT idempotency_key, status FROM crm_sandbox_ledger WHERE kind = 'charge'");
        var approved = ledger.Where(r => (string)r[1] == "Approved").Select(r => (string)r[0]).ToList();
        var missing = orders.MovedTo.Keys.Where(n => !approved.Contains(n + ":product-charge")).ToList();
        Expect(failures, missing.Count == 0, $"{missing.Count} due product charges missing from the ledger: {string.Join(", ", missing.Take(5))}");
        var notMoved = orders.MovesRefused.Where(m => !orders.MovedTo.ContainsKey(m.Number)).ToList();
        Expect(failures, notMoved.All(m => m.Status == HttpStatusCode.BadRequest), $"trial-end moves refused other than as past: {string.Join("; ", notMoved.Take(5).Select(m => $"{m.Number} {(int)m.Status}"))}");

        // Exactly one charge per key (the ledger's key is unique) and the order knows every charge the provider took.
        var byOrder = approved.GroupBy(k => k[..k.IndexOf(':', StringComparison.Ordinal)], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var number in orders.NumberByKey.Values)
        {
            var payments = (await ReadAsync(cluster, $"/api/v1/orders/{number}/payments")).EnumerateArray()
                .Where(p => p.GetProperty("kind").GetString() == "Charge" && p.GetProperty("status").GetString() == "Approved")
                .Select(p => p.GetProperty("idempotencyKey").GetString()!).ToList();
            var taken = byOrder.GetValueOrDefault(number) ?? [];
            if (payments.Count != payments.Distinct(StringComparer.Ordinal).Count() || !taken.SetEquals(payments))
            {
                unknown.Add($"{number}: ledger [{string.Join(", ", taken)}], order [{string.Join(", ", payments)}]");
            }
        }

        Expect(failures, unknown.Count == 0, $"{unknown.Count} orders whose charges differ from the ledger's: {string.Join("; ", unknown.Take(5))}");
        Say($"charges: {approved.Count} approved ledger charges, {orders.MovedTo.Count} product charges due and taken once each");
    }

    private static async Task CheckCallsAsync(FaultCluster cluster, CallAgents agents, Dictionary<string, string> phones, string campaignId, FaultOptions options, List<string> failures)
    {
        Expect(failures, agents.Problems.IsEmpty, $"outcomes not answered: {string.Join("; ", agents.Problems.Take(5))}");

        // No contact held by two agents at once.
        var doubles = agents.Holdings.GroupBy(h => h.ContactId).SelectMany(g =>
            g.SelectMany(a => g.Where(b => b.AgentId != a.AgentId && b.From > a.From && b.From < a.Until).Select(b => (Contact: g.Key, Text: $"{g.Key}: {a.AgentId} and {b.AgentId}")))).ToList();
        var doubleHeld = doubles.Select(d => d.Contact).ToHashSet(StringComparer.Ordinal);
        var tolerated = options.TolerateDialerRestartLeases ? doubleHeld : new HashSet<string>(StringComparer.Ordinal);
        if (doubles.Count > 0 && options.TolerateDialerRestartLeases)
        {
            // Known, not fixed (README): a dialer reactivated after its silo died rebuilds its queue from the contact
            // index, where a contact in a call is still due, and hands it to a second agent. Both calls confirm.
            Say($"KNOWN (not fixed): {doubles.Count} contacts held by two agents at once after a dialer restart: {string.Join("; ", doubles.Take(5).Select(d => d.Text))}");
        }
        else
        {
            Expect(failures, doubles.Count == 0, $"{doubles.Count} contacts held by two agents at once: {string.Join("; ", doubles.Take(5).Select(d => d.Text))}");
        }

        // Every confirmed outcome stored with its effects: the call's outcome, the contact done in the index, one SMS.
        var index = (await cluster.Postgres.RowsAsync($"SELECT contact_id, stage, attempts FROM crm_contacts WHERE campaign_id = '{campaignId}'"))
            .ToDictionary(r => (string)r[0], r => ((string)r[1], (int)r[2]), StringComparer.Ordinal);
        var confirmedContacts = agents.Confirmed.Values.ToHashSet(StringComparer.Ordinal);
        var confirmedTwice = agents.Confirmed.Values.GroupBy(c => c).Where(g => g.Count() > 1 && !tolerated.Contains(g.Key)).Select(g => g.Key).ToList();
        Expect(failures, confirmedTwice.Count == 0, $"{confirmedTwice.Count} contacts confirmed on two calls: {string.Join(", ", confirmedTwice.Take(5))}");
        var broken = new List<string>();
        foreach (var (callId, contactId) in agents.Confirmed)
        {
            var call = await ReadAsync(cluster, $"/api/v1/calls/{callId}");
            var outcome = call.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.Object ? o.GetProperty("code").GetString() : null;
            if (outcome != CallAgents.OutcomeCode || !index.TryGetValue(contactId, out var row) || row.Item1 != "Done")
            {
                broken.Add($"{callId}/{contactId}: call outcome {outcome ?? "none"}, index {(index.TryGetValue(contactId, out var r) ? r.Item1 : "missing")}");
            }
        }

        Expect(failures, broken.Count == 0, $"{broken.Count} confirmed outcomes without all their effects: {string.Join("; ", broken.Take(5))}");

        // None lost: every lead is in the index; done exactly for the confirmed; the dialer (rebuilt from the index) agrees.
        Expect(failures, phones.Keys.All(index.ContainsKey), $"{phones.Keys.Count(k => !index.ContainsKey(k))} leads missing from the contact index");
        var doneInIndex = index.Where(c => c.Value.Item1 == "Done").Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        Expect(failures, doneInIndex.SetEquals(confirmedContacts), $"index done {doneInIndex.Count}, confirmed {confirmedContacts.Count}: {string.Join(", ", doneInIndex.Except(confirmedContacts).Concat(confirmedContacts.Except(doneInIndex)).Take(5))}");
        var stats = await ReadAsync(cluster, $"/api/v1/campaigns/{campaignId}/dialer/stats");
        Expect(failures, stats.GetProperty("total").GetInt32() == phones.Count && stats.GetProperty("done").GetInt32() == confirmedContacts.Count,
            $"dialer stats {stats} for {phones.Count} leads and {confirmedContacts.Count} confirmed");

        // One outcome SMS per confirmed contact, none to the others (the gateway dedupes by client message id; count the ids).
        var smsByPhone = cluster.Sms.Received.Where(s => s.AnsweredWith == 202).GroupBy(s => s.To).ToDictionary(g => g.Key, g => g.Select(s => s.ClientMessageId).Distinct().Count(), StringComparer.Ordinal);
        var wrongSms = phones.Where(p => !tolerated.Contains(p.Key) && smsByPhone.GetValueOrDefault(p.Value) != (confirmedContacts.Contains(p.Key) ? 1 : 0)).Select(p => $"{p.Key}: {smsByPhone.GetValueOrDefault(p.Value)}").ToList();
        Expect(failures, wrongSms.Count == 0, $"{wrongSms.Count} leads with a wrong number of outcome SMS: {string.Join("; ", wrongSms.Take(5))}");
        Say($"calls: {agents.Holdings.Count} hand-outs, {confirmedContacts.Count} outcomes confirmed, each with its call, index row and one SMS; {agents.LostBeforeOutcome.Count} calls started but lost with their silo before their outcome stored them; stats {stats}");
    }

    /// <summary>
    /// Every booking made before the reminders' instant brought its customer one reminder, none made after it did, and no
    /// customer without a booking got one. Counted by distinct Message-ID: the same id twice is SMTP's gap (reported
    /// with the messages), two ids would be two reminders.
    /// </summary>
    private static void CheckBookings(FaultCluster cluster, BookingAgents bookers, Dictionary<string, string> emails, List<string> failures)
    {
        Expect(failures, bookers.Problems.IsEmpty, $"bookings not answered: {string.Join("; ", bookers.Problems.Take(5))}");
        var reminders = cluster.Smtp.Messages.Where(m => m.Raw.Contains(BookingAgents.Marker, StringComparison.Ordinal)).ToList();
        var booked = bookers.Bookings.Values.GroupBy(b => b.ContactId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var wrong = new List<string>();
        int expectedOne = 0, expectedNone = 0, either = 0;
        foreach (var (contactId, email) in emails)
        {
            var got = reminders.Where(m => m.Raw.Contains(email, StringComparison.Ordinal)).Select(m => MessageIdHeader().Match(m.Raw).Groups[1].Value).Distinct(StringComparer.Ordinal).Count();
            var bookings = booked.GetValueOrDefault(contactId) ?? [];
            if (bookings.Count > 1)
            {
                wrong.Add($"{contactId}: booked on {bookings.Count} calls");
                continue;
            }

            var due = bookings.Count == 0 ? 0 : bookings[0].RemindersDue(bookers.ReminderAt);
            (expectedOne, expectedNone, either) = due switch { 1 => (expectedOne + 1, expectedNone, either), 0 => (expectedOne, expectedNone + 1, either), _ => (expectedOne, expectedNone, either + 1) };
            if (due is { } n ? got != n : got > 1)
            {
                wrong.Add($"{contactId}: {got} reminders, {(due is { } d ? d.ToString(CultureInfo.InvariantCulture) : "0 or 1")} due ({(bookings.Count == 0 ? "not booked" : $"booked {bookings[0].SentAt:HH:mm:ss.fff}–{bookings[0].AnsweredAt:HH:mm:ss.fff}")}, reminders at {bookers.ReminderAt:HH:mm:ss})");
            }
        }

        Expect(failures, wrong.Count == 0, $"{wrong.Count} customers with a wrong number of booking reminders: {string.Join("; ", wrong.Take(5))}");
        Say($"bookings: {bookers.Bookings.Count} meetings booked ({expectedOne} before the reminders' instant {bookers.ReminderAt:HH:mm:ss}, {expectedNone - (emails.Count - booked.Count)} after it, {either} at it); {reminders.Count} reminder emails received, each due one exactly once; {bookers.LostBeforeDraft.Count} calls started but lost with their silo before their first draft stored them");
    }

    private static async Task CheckMessagesAsync(FaultCluster cluster, List<string> failures)
    {
        var log = await cluster.Postgres.RowsAsync("SELECT message_id, channel, status FROM crm_messages");
        var sentEmails = log.Count(r => (string)r[1] == "email" && (string)r[2] == "Sent");
        var received = cluster.Smtp.Messages.Select(m => MessageIdHeader().Match(m.Raw)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        var distinct = received.Distinct(StringComparer.Ordinal).Count();
        Expect(failures, distinct >= sentEmails, $"{sentEmails} emails logged Sent, {distinct} distinct Message-IDs received");
        Expect(failures, !log.Any(r => (string)r[2] == "Failed"), $"messages failed: {string.Join(", ", log.Where(r => (string)r[2] == "Failed").Take(5).Select(r => r[0]))}");
        Say($"messages: {log.Count} logged ({string.Join(", ", log.GroupBy(r => $"{r[1]} {r[2]}").Select(g => $"{g.Key} {g.Count()}"))}); SMTP received {received.Count} emails with {distinct} distinct Message-IDs: {received.Count - distinct} delivered twice with the same Message-ID (SMTP cannot be exactly-once; the receiver sees one Message-ID twice)");
        var smsRequests = cluster.Sms.Received.Count;
        var smsIds = cluster.Sms.Received.Select(s => s.ClientMessageId).Distinct(StringComparer.Ordinal).Count();
        Say($"SMS: {smsRequests} requests for {smsIds} client message ids (a repeated id is one message at the gateway)");
    }

    private static async Task<HashSet<string>> ChargeKeysAsync(FaultCluster cluster)
    {
        try
        {
            return (await cluster.Postgres.RowsAsync("SELECT idempotency_key FROM crm_sandbox_ledger WHERE kind = 'charge' AND status = 'Approved'"))
                .Select(r => (string)r[0]).ToHashSet(StringComparer.Ordinal);
        }
        catch (Npgsql.NpgsqlException)
        {
            return [];
        }
    }

    private static async Task<JsonElement> ReadAsync(FaultCluster cluster, string path)
    {
        var (status, body) = await Answered.SendAsync(cluster.Http, () => new HttpRequestMessage(HttpMethod.Get, path), DateTimeOffset.UtcNow.AddMinutes(1));
        return status == HttpStatusCode.OK ? body : throw new InvalidOperationException($"GET {path} answered {(int)status}");
    }

    private static async Task WaitAsync(string what, TimeSpan bound, Func<Task<bool>> condition)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < bound)
        {
            if (await condition())
            {
                Say($"settled: {what} after {watch.Elapsed.TotalSeconds:0.0} s");
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        Say($"not settled within {bound.TotalSeconds} s: {what}");
    }

    private static void Expect(List<string> failures, bool holds, string failure)
    {
        if (!holds)
        {
            failures.Add(failure);
        }
    }

    private static void Say(string line) => Console.WriteLine($"[{Clock.Elapsed.TotalSeconds,6:0.0}] {line}");

    private static string Load()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    [GeneratedRegex(@"^Message-I[dD]:\s*<([^>]+)>", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();
}
