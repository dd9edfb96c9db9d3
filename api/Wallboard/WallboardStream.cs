using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts.Wallboard;

namespace OrleansCrm.Api.Wallboard;

/// <summary>
/// One wallboard stream: a <c>snapshot</c> event, then an <c>agent</c> event per changed row and a <c>campaign</c>
/// event per changed tile, and <c>heartbeat</c>s. How a change reaches it, on one process or a cluster alike: every
/// call grain tells the agent activity grain (one-way) when a call starts and ends (an outcome's end comes after its
/// read-model row is stored); the stream asks that grain's version every <see cref="WallboardOptions.Poll"/> and
/// takes fresh figures when it moved (at most every <see cref="WallboardOptions.Refresh"/>, and every five of those
/// anyway, for the queue's clock-driven moves), from one build shared by every screen of the board
/// (<see cref="SharedWallboardBuilds"/>). One small grain call twice a second per screen
/// needs no stream provider and works from a client-mode api. Event ids are <c>{stream}-{n}</c>; a reconnect with
/// <c>Last-Event-ID</c> gets a fresh snapshot (the day's truth), not a replay.
/// </summary>
public sealed class WallboardStream(SharedWallboardBuilds builds, IGrainFactory grains, CrmClock clock, IOptions<WallboardOptions> options, IOptions<JsonOptions> json, IHostApplicationLifetime lifetime)
{
    public async Task RunAsync(HttpContext http, IReadOnlyList<string> campaignIds)
    {
        // A stream ends when its browser goes or the api stops (so a shutdown does not wait on open screens; they reconnect).
        using var ends = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var aborted = ends.Token;
        var activity = grains.GetGrain<IAgentActivityGrain>(IAgentActivityGrain.Key);
        var settings = options.Value;
        var first = await builds.GetAsync(campaignIds, await activity.VersionAsync(), Stopwatch.GetTimestamp() - Ticks(settings.Poll), aborted);
        var (version, view) = (first.Version, first.View);

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var streamId = Convert.ToHexStringLower(BitConverter.GetBytes(Stopwatch.GetTimestamp()));
        var sequence = 0L;
        var writer = new EventWriter(http.Response, streamId, json.Value.SerializerOptions);
        await writer.RetryAsync(2000, aborted);
        await writer.SendAsync(++sequence, "snapshot", view, aborted);

        var sinceBuild = Stopwatch.StartNew();
        var sinceBeat = Stopwatch.StartNew();
        var session = http.User.FindFirstValue(WallboardSessionAuthentication.SessionClaim);
        using var ticks = new PeriodicTimer(settings.Poll < settings.Heartbeat ? settings.Poll : settings.Heartbeat);
        try
        {
            while (await ticks.WaitForNextTickAsync(aborted))
            {
                var now = await activity.VersionAsync();
                if ((now != version && sinceBuild.Elapsed >= settings.Refresh) || sinceBuild.Elapsed >= settings.Refresh * 5)
                {
                    var built = await builds.GetAsync(campaignIds, now, Stopwatch.GetTimestamp() - Ticks(settings.Poll), aborted);
                    var next = built.View;
                    version = built.Version;
                    sinceBuild.Restart();
                    // Every change of one refresh goes out in one write (a busy board changes most rows each time).
                    foreach (var row in Changed(view.Agents, next.Agents, a => a.AgentId))
                    {
                        writer.Add(++sequence, "agent", row);
                    }

                    foreach (var tile in Changed(view.Campaigns, next.Campaigns, c => c.CampaignId))
                    {
                        writer.Add(++sequence, "campaign", tile);
                    }

                    await writer.FlushAsync(aborted);

                    view = next;
                }

                if (sinceBeat.Elapsed >= settings.Heartbeat)
                {
                    sinceBeat.Restart();
                    if (session is not null)
                    {
                        var at = clock.GetUtcNow();
                        if (await grains.GetGrain<IWallboardSessionGrain>(session).TouchAsync(at, at + settings.SessionLifetime) is null)
                        {
                            await writer.SendAsync(++sequence, "signed-out", new { at }, aborted);
                            return;
                        }
                    }

                    await writer.SendAsync(++sequence, "heartbeat", new { at = clock.GetUtcNow() }, aborted);
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The browser went away, or the api is stopping.
        }
        finally
        {
            builds.Forget(campaignIds);
        }
    }

    /// <summary>A span in <see cref="Stopwatch"/> ticks.</summary>
    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>The rows of <paramref name="next"/> that are new or differ from <paramref name="before"/>'s (records compare by value; lists by their JSON).</summary>
    private IEnumerable<T> Changed<T>(IReadOnlyList<T> before, IReadOnlyList<T> next, Func<T, string> key)
    {
        var was = before.ToDictionary(key, r => JsonSerializer.Serialize(r, json.Value.SerializerOptions), StringComparer.Ordinal);
        return next.Where(r => !was.TryGetValue(key(r), out var old) || old != JsonSerializer.Serialize(r, json.Value.SerializerOptions));
    }

    private sealed class EventWriter(HttpResponse response, string streamId, JsonSerializerOptions json)
    {
        public async Task RetryAsync(int milliseconds, CancellationToken cancellationToken)
        {
            await response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"retry: {milliseconds}\n\n"), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }

        private readonly StringBuilder pending = new();

        public Task SendAsync<T>(long sequence, string type, T data, CancellationToken cancellationToken)
        {
            Add(sequence, type, data);
            return FlushAsync(cancellationToken);
        }

        /// <summary>An event held until <see cref="FlushAsync"/>.</summary>
        public void Add<T>(long sequence, string type, T data) =>
            pending
                .Append(CultureInfo.InvariantCulture, $"id: {streamId}-{sequence}\n")
                .Append(CultureInfo.InvariantCulture, $"event: {type}\n")
                .Append("data: ").Append(JsonSerializer.Serialize(data, json)).Append("\n\n");

        /// <summary>Writes the held events at once, if any.</summary>
        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (pending.Length == 0)
            {
                return;
            }

            var text = pending.ToString();
            pending.Clear();
            await response.WriteAsync(text, cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
    }
}
