using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansCrm.Testing;

/// <summary>What the sink answers a transaction it was told to refuse.</summary>
public enum SmtpSinkFailure
{
    /// <summary><c>451 4.3.0</c>: try again later.</summary>
    Transient451,

    /// <summary><c>550 5.7.1</c>: refused for good.</summary>
    Permanent550,
}

/// <summary>One message as the sink received it: the envelope and the raw text after dot-unstuffing, lines ending in CRLF.</summary>
public sealed record ReceivedEmail(string From, IReadOnlyList<string> Recipients, string Raw);

/// <summary>One completed DATA exchange and the reply code the sink gave it (250 accepted, 451 or 550 refused).</summary>
public sealed record SmtpTransaction(ReceivedEmail Email, int ReplyCode);

/// <summary>
/// A real SMTP server for tests, on 127.0.0.1 and a free port: EHLO/HELO, MAIL FROM, RCPT TO, DATA
/// (dot-unstuffed), RSET, NOOP, QUIT. It keeps every message it accepts, lets a test wait for them
/// without sleeping, and can refuse the next transactions with a 451 or a 550. It stops, closing its
/// connections, when disposed.
/// </summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    /// <summary>The largest message the sink takes; a larger one is refused with 552.</summary>
    public const int MaxMessageChars = 10 * 1024 * 1024;

    private const int MaxLineChars = 4096;

    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly Lock gate = new();
    private readonly List<SmtpTransaction> transactions = [];
    private readonly List<Waiter> waiters = [];
    private readonly List<PlannedFailure> plannedFailures = [];
    private readonly Dictionary<TcpClient, Task> connections = [];
    private readonly Task acceptLoop;

    private SmtpSink()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = AcceptAsync();
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Every accepted message, in the order accepted.</summary>
    public IReadOnlyList<ReceivedEmail> Messages
    {
        get
        {
            lock (gate)
            {
                return transactions.Where(t => t.ReplyCode == 250).Select(t => t.Email).ToList();
            }
        }
    }

    /// <summary>Every completed DATA exchange, accepted or refused.</summary>
    public IReadOnlyList<SmtpTransaction> Transactions
    {
        get
        {
            lock (gate)
            {
                return transactions.ToList();
            }
        }
    }

    /// <summary>Starts a sink on 127.0.0.1 and a free port.</summary>
    public static SmtpSink Start() => new();

    /// <summary>The accepted messages with this envelope recipient.</summary>
    public IReadOnlyList<ReceivedEmail> MessagesTo(string recipient) =>
        Messages.Where(m => IsFor(m, recipient)).ToList();

    /// <summary>The completed transactions, accepted or refused, with this envelope recipient.</summary>
    public IReadOnlyList<SmtpTransaction> TransactionsTo(string recipient) =>
        Transactions.Where(t => IsFor(t.Email, recipient)).ToList();

    /// <summary>Refuses the next <paramref name="count"/> transactions (only those to <paramref name="recipient"/> when given) at the end of DATA.</summary>
    public void FailNext(int count, SmtpSinkFailure failure, string? recipient = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (gate)
        {
            plannedFailures.Add(new PlannedFailure(failure, recipient) { Remaining = count });
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> messages were accepted; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public Task<IReadOnlyList<ReceivedEmail>> WaitForMessagesAsync(int count, TimeSpan timeout) =>
        WaitForMessagesAsync(_ => true, count, timeout);

    /// <summary>Completes once at least <paramref name="count"/> accepted messages match; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> WaitForMessagesAsync(Func<ReceivedEmail, bool> match, int count, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var waiter = new Waiter(match, count);
        lock (gate)
        {
            if (!waiter.TryComplete(transactions))
            {
                waiters.Add(waiter);
            }
        }

        try
        {
            return await waiter.Done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (gate)
            {
                waiters.Remove(waiter);
            }

            throw new TimeoutException($"The SMTP sink did not receive {count} matching message(s) within {timeout}; it has {Messages.Count(match)}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await acceptLoop;

        Task[] open;
        lock (gate)
        {
            foreach (var client in connections.Keys)
            {
                client.Dispose();
            }

            open = connections.Values.ToArray();
        }

        await Task.WhenAll(open).WaitAsync(TimeSpan.FromSeconds(10));
        stop.Dispose();
        lock (gate)
        {
            foreach (var waiter in waiters)
            {
                waiter.Done.TrySetCanceled();
            }
        }
    }

    private static bool IsFor(ReceivedEmail email, string recipient) =>
        email.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase);

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            lock (gate)
            {
                foreach (var done in connections.Where(c => c.Value.IsCompleted).Select(c => c.Key).ToList())
                {
                    connections.Remove(done);
                }

                connections[client] = Task.Run(() => ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
                using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
                await ConverseAsync(reader, writer);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or the sink is stopping.
        }
    }

    private async Task ConverseAsync(StreamReader reader, StreamWriter writer)
    {
        var token = stop.Token;
        string? greeted = null;
        string? sender = null;
        var recipients = new List<string>();

        await writer.WriteLineAsync($"220 {Host} OrleansCrm SMTP sink ready".AsMemory(), token);
        while (await reader.ReadLineAsync(token) is { } line)
        {
            if (line.Length > MaxLineChars)
            {
                await writer.WriteLineAsync("500 5.5.2 Line too long".AsMemory(), token);
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var argument = space < 0 ? string.Empty : line[(space + 1)..].Trim();
            string reply;
            switch (verb)
            {
                case "EHLO":
                    (greeted, sender) = (argument, null);
                    recipients.Clear();
                    reply = $"250-{Host} greets {argument}\r\n250 SIZE {MaxMessageChars}";
                    break;
                case "HELO":
                    (greeted, sender) = (argument, null);
                    recipients.Clear();
                    reply = $"250 {Host} greets {argument}";
                    break;
                case "MAIL" when greeted is null:
                    reply = "503 5.5.1 Say EHLO or HELO first";
                    break;
                case "MAIL":
                    var from = MailFrom().Match(argument);
                    if (from.Success)
                    {
                        sender = from.Groups[1].Value;
                        recipients.Clear();
                        reply = "250 2.1.0 Sender OK";
                    }
                    else
                    {
                        reply = "501 5.5.4 Syntax: MAIL FROM:<address>";
                    }

                    break;
                case "RCPT" when sender is null:
                    reply = "503 5.5.1 Need MAIL FROM first";
                    break;
                case "RCPT":
                    var to = RcptTo().Match(argument);
                    if (to.Success)
                    {
                        recipients.Add(to.Groups[1].Value);
                        reply = "250 2.1.5 Recipient OK";
                    }
                    else
                    {
                        reply = "501 5.5.4 Syntax: RCPT TO:<address>";
                    }

                    break;
                case "DATA" when recipients.Count == 0:
                    reply = "503 5.5.1 Need RCPT TO first";
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>".AsMemory(), token);
                    var raw = await ReadDataAsync(reader, token);
                    reply = raw is null
                        ? "552 5.3.4 Message too big"
                        : Complete(new ReceivedEmail(sender!, recipients.ToList(), raw));
                    (sender, recipients) = (null, []);
                    break;
                case "RSET":
                    (sender, recipients) = (null, []);
                    reply = "250 2.0.0 OK";
                    break;
                case "NOOP":
                    reply = "250 2.0.0 OK";
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye".AsMemory(), token);
                    return;
                default:
                    reply = "500 5.5.2 Command not recognized";
                    break;
            }

            await writer.WriteLineAsync(reply.AsMemory(), token);
        }
    }

    /// <summary>Reads the message up to the lone dot, removing the dot a client doubles at the start of a line; null when it is too big.</summary>
    private static async Task<string?> ReadDataAsync(StreamReader reader, CancellationToken token)
    {
        var raw = new StringBuilder();
        var tooBig = false;
        while (await reader.ReadLineAsync(token) is { } line)
        {
            if (line == ".")
            {
                return tooBig ? null : raw.ToString();
            }

            var unstuffed = line.StartsWith('.') ? line[1..] : line;
            if (raw.Length + unstuffed.Length + 2 > MaxMessageChars)
            {
                tooBig = true;
                raw.Clear();
            }

            if (!tooBig)
            {
                raw.Append(unstuffed).Append("\r\n");
            }
        }

        throw new IOException("The client closed the connection in the middle of DATA.");
    }

    /// <summary>Records the transaction and chooses its reply; an accepted message is in <see cref="Messages"/> before the client hears 250.</summary>
    private string Complete(ReceivedEmail email)
    {
        lock (gate)
        {
            var failure = TakePlannedFailure(email);
            var code = failure switch
            {
                SmtpSinkFailure.Transient451 => 451,
                SmtpSinkFailure.Permanent550 => 550,
                _ => 250,
            };
            transactions.Add(new SmtpTransaction(email, code));
            waiters.RemoveAll(w => w.TryComplete(transactions));
            return code switch
            {
                451 => "451 4.3.0 Requested action aborted: try again later (SMTP sink)",
                550 => "550 5.7.1 Message refused (SMTP sink)",
                _ => $"250 2.0.0 OK queued as {transactions.Count}",
            };
        }
    }

    private SmtpSinkFailure? TakePlannedFailure(ReceivedEmail email)
    {
        var plan = plannedFailures.FirstOrDefault(p => p.Recipient is null || IsFor(email, p.Recipient));
        if (plan is null)
        {
            return null;
        }

        if (--plan.Remaining == 0)
        {
            plannedFailures.Remove(plan);
        }

        return plan.Failure;
    }

    [GeneratedRegex(@"^FROM:\s*<([^>]*)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MailFrom();

    [GeneratedRegex(@"^TO:\s*<([^>]+)>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RcptTo();

    private sealed class PlannedFailure(SmtpSinkFailure failure, string? recipient)
    {
        public SmtpSinkFailure Failure { get; } = failure;

        public string? Recipient { get; } = recipient;

        public int Remaining { get; set; }
    }

    private sealed class Waiter(Func<ReceivedEmail, bool> match, int count)
    {
        public TaskCompletionSource<IReadOnlyList<ReceivedEmail>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes the waiter when enough accepted messages match; true when it did.</summary>
        public bool TryComplete(IEnumerable<SmtpTransaction> seen)
        {
            var matching = seen.Where(t => t.ReplyCode == 250 && match(t.Email)).Select(t => t.Email).ToList();
            return matching.Count >= count && Done.TrySetResult(matching);
        }
    }
}
