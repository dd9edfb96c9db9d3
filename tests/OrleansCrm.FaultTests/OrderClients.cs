using System.Collections.Concurrent;
using System.Net;
using OrleansCrm.Testing;

namespace OrleansCrm.FaultTests;

/// <summary>
/// Clients that place trial orders with an <c>Idempotency-Key</c>, retrying each until answered; the first
/// <c>trialEnds</c> orders then have their trial end moved (the trial-end route, retried the same way) to an instant
/// inside the fault window, so real Orleans reminders charge them while silos die and PostgreSQL restarts.
/// </summary>
internal sealed class OrderClients(HttpClient http, IReadOnlyList<string> customers, string offerId, string run)
{
    public ConcurrentDictionary<string, string> NumberByKey { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<string> Unanswered { get; } = [];

    /// <summary>Orders whose trial end was moved (answered 200) and the instant it was moved to.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> MovedTo { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Trial-end moves answered with something other than 200: the order, the instant asked, the status. A retry that
    /// lands after the instant asked is refused (400: in the past) though the first attempt may have moved it; the
    /// order is read back to know (<see cref="FaultRun"/>).
    /// </summary>
    public ConcurrentBag<(string Number, DateTimeOffset At, HttpStatusCode Status)> MovesRefused { get; } = [];

    public async Task RunAsync(int orders, int trialEnds, int clients, DateTimeOffset stopStartingAt, DateTimeOffset dueUntil)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < orders && DateTimeOffset.UtcNow < stopStartingAt)
            {
                var key = $"{run}-order-{i}";
                var body = new { customerId = customers[i % customers.Count], offerId, currency = "USD", trial = true, cardToken = "tok_approve" };
                var (status, answer) = await Answered.SendAsync(http, () => Answered.Json(HttpMethod.Post, "/api/v1/orders", body, key), DateTimeOffset.UtcNow.AddMinutes(3));
                if (status is not (HttpStatusCode.OK or HttpStatusCode.Created))
                {
                    Unanswered.Add($"{key}: {(int)status} {answer}");
                    continue;
                }

                var number = answer.GetProperty("number").GetString()!;
                NumberByKey[key] = number;
                if (i >= trialEnds)
                {
                    continue;
                }

                // Due somewhere between 15 s from now and the end of the fault window.
                var now = DateTimeOffset.UtcNow;
                var window = Math.Max(1, (dueUntil - now - TimeSpan.FromSeconds(15)).TotalSeconds);
                var at = now + TimeSpan.FromSeconds(15 + (Random.Shared.NextDouble() * window));
                at = new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
                var (moved, _) = await Answered.SendAsync(http, () => Answered.Json(HttpMethod.Put, $"/api/v1/orders/{number}/trial-end", new { at }), DateTimeOffset.UtcNow.AddMinutes(3));
                if (moved == HttpStatusCode.OK)
                {
                    MovedTo[number] = at;
                }
                else
                {
                    MovesRefused.Add((number, at, moved));
                }
            }
        }));
    }

    public static async Task<List<string>> CreateCustomersAsync(HttpClient http, int count)
    {
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var body = new { name = $"Fault Customer {i}", email = $"fault{i}@example.test", phone = "+15555550100", timeZone = "America/New_York" };
            var (status, answer) = await Answered.SendAsync(http, () => Answered.Json(HttpMethod.Post, "/api/v1/customers", body), DateTimeOffset.UtcNow.AddMinutes(2));
            if (status != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"POST /api/v1/customers answered {(int)status}: {answer}");
            }

            ids.Add(answer.GetProperty("id").GetString()!);
        });
        return [.. ids];
    }

    public static object Offer() => Payloads.Offer("Fault cream");
}
