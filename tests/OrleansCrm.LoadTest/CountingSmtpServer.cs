using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OrleansCrm.LoadTest;

/// <summary>
/// A local SMTP server on 127.0.0.1 that accepts every message and counts, per recipient, the messages whose raw text
/// contains a marker (the benchmark's reminder subject), with the stopwatch time of the last one: what the service
/// handed to its email transport, and whether anything came twice.
/// </summary>
internal sealed class CountingSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> perRecipient = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;
    private readonly string marker;
    private int marked;
    private int others;
    private long lastMarkedAt;

    public CountingSmtpServer(int port, string marker)
    {
        this.marker = marker;
        var options = new SmtpServerOptionsBuilder().ServerName("127.0.0.1").Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
    }

    /// <summary>Messages with the marker received so far.</summary>
    public int Marked => Volatile.Read(ref marked);

    /// <summary>Other messages (booking confirmations) received so far.</summary>
    public int Others => Volatile.Read(ref others);

    /// <summary>The stopwatch timestamp of the last marked message.</summary>
    public long LastMarkedAt => Interlocked.Read(ref lastMarkedAt);

    /// <summary>How many recipients got the marked message more than once.</summary>
    public int RecipientsWithDuplicates => perRecipient.Values.Count(c => c > 1);

    public int Recipients => perRecipient.Count;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked.
        }

        stop.Dispose();
    }

    private void Received(IEnumerable<string> recipients, string raw)
    {
        if (!raw.Contains(marker, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref others);
            return;
        }

        foreach (var to in recipients)
        {
            perRecipient.AddOrUpdate(to, 1, (_, c) => c + 1);
        }

        Interlocked.Exchange(ref lastMarkedAt, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref marked);
    }

    private sealed class Store(CountingSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            server.Received(transaction.To.Select(m => m.AsAddress() ?? ""), Encoding.UTF8.GetString(buffer));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
