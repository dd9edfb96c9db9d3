using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansCrm.LoadTest;

/// <summary>The reminders command's settings.</summary>
internal sealed record RemindersOptions(string Url, string Key, int Bookings, int Concurrency, int SmtpPort, int TimeoutSeconds)
{
    public static RemindersOptions Parse(string[] args) => new(
        Args.Value(args, "--url", "http://localhost:5080"),
        Args.Value(args, "--key", "dev-admin-key-0000000000"),
        Args.Int(args, "--bookings", 10_000),
        Args.Int(args, "--concurrency", 16),
        Args.Int(args, "--smtp-port", 2526),
        Args.Int(args, "--timeout", 900));
}

/// <summary>
/// N booking reminders falling due at one instant of the simulated clock, counted at a local SMTP server this console
/// runs (the service's <c>Smtp__Host</c>/<c>Smtp__Port</c> point at it): a campaign with a <c>booking.reminder</c>
/// email template, N leads, each dialled and booked (by C callers at a time) with closers whose agendas take a 5-minute
/// slot all day, all meetings on one day in UTC, so every reminder is due at 13:00 UTC the day before. Then the clock
/// moves to that instant, and the figure is reminders handed to the transport per second, from the move until the last
/// one arrives; the clock then moves a day further and every recipient must have exactly one reminder. Bounded by N
/// and by --timeout.
/// </summary>
internal static class RemindersBenchmark
{
    private const string OutcomeCode = "meeting";
    private const int SlotMinutes = 5;
    private const string Marker = "Bench reminder";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = RemindersOptions.Parse(args);
        if (options.Bookings < 1 || options.Concurrency < 1)
        {
            Console.Error.WriteLine("--bookings and --concurrency must be at least 1");
            return 2;
        }

        await using var smtp = new CountingSmtpServer(options.SmtpPort, Marker);
        using var http = new HttpClient { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromMinutes(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", options.Key);
        var clock = await http.GetAsync("/api/v1/test-clock");
        if (!clock.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"GET /api/v1/test-clock answered {(int)clock.StatusCode}: start the service with Clock__Simulated=true.");
            return 1;
        }

        var now = (await clock.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("now").GetDateTimeOffset();
        var run = Guid.NewGuid().ToString("N")[..8];
        var campaignId = "bench-reminders-" + run;
        var meetingDay = DateOnly.FromDateTime(now.UtcDateTime).AddDays(3);
        var dueAt = new DateTimeOffset(meetingDay.AddDays(-1).ToDateTime(new TimeOnly(13, 0)), TimeSpan.Zero);
        var slotsPerCloser = (int)((TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1)).TotalMinutes / SlotMinutes);
        var closers = (options.Bookings + slotsPerCloser - 1) / slotsPerCloser;

        await PutOkAsync(http, $"/api/v1/campaigns/{campaignId}", new
        {
            name = "Reminders benchmark " + run,
            timeZone = "UTC",
            callingHours = new { start = "00:00", end = "23:59" },
            outcomes = new[] { new { code = OutcomeCode, label = "Appointment booked", type = "T", color = "#00897B" } },
        });
        await PutOkAsync(http, $"/api/v1/campaigns/{campaignId}/templates/remind", new
        {
            channel = "email",
            from = new { address = "meetings@example.test", name = "Meetings" },
            recipients = new[] { "customer.email" },
            subject = Marker + " {$booking.id}",
            body = "Tomorrow at {$booking.start:time}: your meeting with {$agent.name}.",
            trigger = new { @event = "booking.reminder" },
        });
        for (var c = 0; c < closers; c++)
        {
            await PutOkAsync(http, $"/api/v1/agents/{Closer(run, c)}", new
            {
                name = string.Create(CultureInfo.InvariantCulture, $"Closer {c}"),
                agenda = new { timeZone = "UTC", dayStart = "00:00", dayEnd = "23:59", slotMinutes = SlotMinutes, workDays = Enum.GetNames<DayOfWeek>() },
            });
        }

        var firstPhone = Random.Shared.Next(0, 10_000_000 - options.Bookings);
        for (var from = 0; from < options.Bookings; from += 2_000)
        {
            var leads = Enumerable.Range(from, Math.Min(2_000, options.Bookings - from)).Select(i => new
            {
                name = string.Create(CultureInfo.InvariantCulture, $"Bench Customer {i}"),
                phone = string.Create(CultureInfo.InvariantCulture, $"+1555{firstPhone + i:D7}"),
                email = Email(run, i),
                timeZone = "UTC",
            });
            var imported = await http.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/leads", leads);
            imported.EnsureSuccessStatusCode();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Campaign {campaignId}: {options.Bookings} leads, {closers} closers of {slotsPerCloser} slots; meetings on {meetingDay:yyyy-MM-dd}, every reminder due at {dueAt:O}"));
        var booking = Stopwatch.StartNew();
        var next = -1;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async caller =>
        {
            var agentId = string.Create(CultureInfo.InvariantCulture, $"bench-caller-{run}-{caller}");
            int i;
            while ((i = Interlocked.Increment(ref next)) < options.Bookings)
            {
                // Round the closers, so concurrent bookings go to different agendas (one agenda books one at a time).
                var slot = new DateTimeOffset(meetingDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(SlotMinutes * (i / closers));
                if (!await BookAsync(http, campaignId, agentId, Closer(run, i % closers), slot))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        booking.Stop();
        var booked = options.Bookings - failures;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Booked {booked} of {options.Bookings} in {booking.Elapsed.TotalSeconds:0.0} s = {booked / booking.Elapsed.TotalSeconds:0} bookings/s ({options.Concurrency} callers)"));

        // The booking confirmations go first, so the move measures the reminders alone.
        var deadline = Stopwatch.StartNew();
        while (smtp.Others < booked && deadline.Elapsed < TimeSpan.FromSeconds(options.TimeoutSeconds))
        {
            await Task.Delay(200);
        }

        Console.WriteLine($"Booking confirmations received: {smtp.Others}; reminders received before the move: {smtp.Marked}");
        var moveStart = Stopwatch.GetTimestamp();
        var moved = await http.PostAsJsonAsync("/api/v1/test-clock/advance", new { to = dueAt });
        moved.EnsureSuccessStatusCode();
        var advanceSeconds = Stopwatch.GetElapsedTime(moveStart).TotalSeconds;

        // A tick that failed or timed out (one agenda's due reminders take one turn) comes back one retry period later,
        // as a reminder's period brings it back in production: when nothing arrives for a while, the clock moves on by it.
        var retries = 0;
        var seen = smtp.Marked;
        var quiet = Stopwatch.StartNew();
        while (smtp.Marked < booked && Stopwatch.GetElapsedTime(moveStart) < TimeSpan.FromSeconds(options.TimeoutSeconds))
        {
            await Task.Delay(50);
            if (smtp.Marked != seen)
            {
                (seen, quiet) = (smtp.Marked, Stopwatch.StartNew());
            }
            else if (quiet.Elapsed > TimeSpan.FromSeconds(5))
            {
                retries++;
                (await http.PostAsJsonAsync("/api/v1/test-clock/advance", new { to = dueAt.AddMinutes(retries) })).EnsureSuccessStatusCode();
                quiet.Restart();
            }
        }

        var seconds = Stopwatch.GetElapsedTime(moveStart, smtp.LastMarkedAt).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Clock to {dueAt:O}: the advance call answered in {advanceSeconds:0.0} s; {smtp.Marked} reminders at the SMTP server in {seconds:0.0} s = {smtp.Marked / seconds:0} messages/s handed to the transport ({retries} further one-minute moves for ticks retried)"));

        (await http.PostAsJsonAsync("/api/v1/test-clock/advance", new { to = dueAt.AddDays(2) })).EnsureSuccessStatusCode();
        var settle = await http.GetFromJsonAsync<JsonElement>($"/api/v1/messages?status=Queued&take=1");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"After the meetings: {smtp.Marked} reminders to {smtp.Recipients} recipients, {smtp.RecipientsWithDuplicates} recipients with more than one; messages still queued in the log: {settle.GetProperty("total").GetInt32()}"));
        var exactlyOnce = smtp.Marked == booked && smtp.Recipients == booked && smtp.RecipientsWithDuplicates == 0;
        Console.WriteLine(exactlyOnce ? "Each reminder was sent exactly once." : "NOT exactly once: see the counts above.");
        return exactlyOnce && failures == 0 ? 0 : 1;
    }

    private static string Closer(string run, int index) => string.Create(CultureInfo.InvariantCulture, $"bench-closer-{run}-{index}");

    private static string Email(string run, int index) => string.Create(CultureInfo.InvariantCulture, $"bench-{run}-{index}@example.test");

    /// <summary>dialer/next → a call on the lease → the slot in its draft → the T outcome, which books it.</summary>
    private static async Task<bool> BookAsync(HttpClient http, string campaignId, string agentId, string closer, DateTimeOffset slot)
    {
        var next = await http.PostAsJsonAsync($"/api/v1/campaigns/{campaignId}/dialer/next", new { agentId });
        if ((int)next.StatusCode != 200)
        {
            return await FailedAsync("dialer/next", next);
        }

        var leaseId = (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leaseId").GetString();
        var call = await http.PostAsJsonAsync("/api/v1/calls", new { campaignId, agentId, leaseId });
        if (!call.IsSuccessStatusCode)
        {
            return await FailedAsync("calls", call);
        }

        var callId = (await call.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var draft = await http.PutAsJsonAsync($"/api/v1/calls/{callId}/draft", new { appointment = new { agentId = closer, start = slot } });
        if (!draft.IsSuccessStatusCode)
        {
            return await FailedAsync("draft", draft);
        }

        var outcome = await http.PostAsJsonAsync($"/api/v1/calls/{callId}/outcome", new { code = OutcomeCode });
        return outcome.IsSuccessStatusCode || await FailedAsync("outcome", outcome);
    }

    private static async Task<bool> FailedAsync(string step, HttpResponseMessage response)
    {
        Console.Error.WriteLine($"{step} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return false;
    }

    private static async Task PutOkAsync(HttpClient http, string path, object body)
    {
        var response = await http.PutAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"PUT {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
