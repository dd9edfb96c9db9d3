using System.Text;

namespace OrleansCrm.Testing;

/// <summary>One server-sent event as read off the wire.</summary>
public sealed record ServerSentEvent(string? Id, string Type, string Data)
{
    /// <summary>The event's number within its stream (ids are <c>{stream}-{n}</c>).</summary>
    public long Sequence => long.Parse(Id![(Id!.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    public string Stream => Id![..Id!.LastIndexOf('-')];
}

/// <summary>Reads a text/event-stream response event by event (blocking reads on the socket, never a sleep).</summary>
public sealed class ServerSentEvents(Stream body) : IAsyncDisposable
{
    private readonly StreamReader reader = new(body, Encoding.UTF8);

    /// <summary>The next event (a block with no data, such as <c>retry:</c>, is skipped).</summary>
    public async Task<ServerSentEvent> NextAsync(CancellationToken cancellationToken)
    {
        string? id = null, type = null;
        var data = new StringBuilder();
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    return new ServerSentEvent(id, type ?? "message", data.ToString());
                }

                (id, type) = (null, null);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data.Append(value); break;
            }
        }
    }

    /// <summary>Reads events until one matches; the ones passed on the way are returned too, in order.</summary>
    public async Task<(ServerSentEvent Match, IReadOnlyList<ServerSentEvent> Before)> UntilAsync(Func<ServerSentEvent, bool> match, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var before = new List<ServerSentEvent>();
        while (true)
        {
            var next = await NextAsync(cancel.Token);
            if (match(next))
            {
                return (next, before);
            }

            before.Add(next);
        }
    }

    public async ValueTask DisposeAsync()
    {
        reader.Dispose();
        await body.DisposeAsync();
    }
}
