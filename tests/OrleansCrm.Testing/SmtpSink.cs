using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OrleansCrm.Testing;

/// <summary>
/// A real SMTP server for tests (the <c>SmtpServer</c> library) on 127.0.0.1 and a free port. It keeps every
/// message it accepts, lets a test wait for them without sleeping, can refuse the next transactions with a 451
/// or a 550, can hold its reply to DATA until the test lets it go (a stalled server), and, when started with
/// <see cref="SmtpSinkOptions"/>, offers STARTTLS with a certificate and requires AUTH with one user and password.
/// It stops, closing its connections, when disposed.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    /// <summary>The largest message the sink takes; a larger one is refused with 552.</summary>
    public const int MaxMessageChars = 10 * 1024 * 1024;

    private readonly Lock gate = new();
    private readonly List<SmtpTransaction> transactions = [];
    private readonly List<Waiter> waiters = [];
    private readonly List<PlannedFailure> plannedFailures = [];
    private readonly CancellationTokenSource stop = new();
    private readonly SmtpServer.SmtpServer server;
    private readonly Task running;
    private SmtpSinkHold? hold;

    private SmtpSink(SmtpSinkOptions options)
    {
        Host = options.Address.ToString();
        var builder = new SmtpServerOptionsBuilder()
            .ServerName(Host)
            .MaxMessageSize(MaxMessageChars, MaxMessageSizeHandling.Strict)
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(options.Address, 0))
                    .AuthenticationRequired(options.UserName is not null)
                    .AllowUnsecureAuthentication(options.Certificate is null && options.UserName is not null);
                if (options.Certificate is { } certificate)
                {
                    endpoint.Certificate(certificate);
                }
            });
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        var listeners = new EndpointListenerFactory();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        services.Add(listeners);
        if (options.UserName is { } user)
        {
            services.Add(new DelegatingUserAuthenticator((name, password) =>
                string.Equals(name, user, StringComparison.Ordinal) && string.Equals(password, options.Password, StringComparison.Ordinal)));
        }

        server = new SmtpServer.SmtpServer(builder.Build(), services);
        running = server.StartAsync(stop.Token);

        // The port the system chose, known once the listener is bound (at once: binding does not wait on the network).
        Port = started.Task.WaitAsync(TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
    }

    public string Host { get; }

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

    /// <summary>Starts a plain sink (no TLS, no login) on 127.0.0.1 and a free port.</summary>
    public static SmtpSink Start() => Start(new SmtpSinkOptions());

    /// <summary>Starts a sink that offers STARTTLS and/or requires a login, as <paramref name="options"/> say.</summary>
    public static SmtpSink Start(SmtpSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SmtpSink(options);
    }

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

    /// <summary>
    /// Stalls the server: every message that reaches the end of DATA from now on waits for its reply until the
    /// hold is released (or the sink stops); only those to <paramref name="recipient"/> when given. The message is not
    /// recorded before the reply is given.
    /// </summary>
    public SmtpSinkHold HoldReplies(string? recipient = null)
    {
        lock (gate)
        {
            if (hold is not null)
            {
                throw new InvalidOperationException("The sink already holds its replies.");
            }

            hold = new SmtpSinkHold(this, recipient);
            return hold;
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
        hold?.Release();
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
        lock (gate)
        {
            foreach (var waiter in waiters)
            {
                waiter.Done.TrySetCanceled();
            }
        }
    }

    internal void EndHold(SmtpSinkHold ended)
    {
        lock (gate)
        {
            if (ReferenceEquals(hold, ended))
            {
                hold = null;
            }
        }
    }

    private static bool IsFor(ReceivedEmail email, string recipient) =>
        email.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase);

    /// <summary>Records the transaction and chooses its reply; an accepted message is in <see cref="Messages"/> before the client hears 250.</summary>
    private async Task<SmtpResponse> CompleteAsync(ISessionContext session, ReceivedEmail email, CancellationToken cancellationToken)
    {
        SmtpSinkHold? holding;
        lock (gate)
        {
            holding = hold;
        }

        if (holding is not null && (holding.Recipient is null || IsFor(email, holding.Recipient)))
        {
            await holding.WaitAsync(cancellationToken);
        }

        lock (gate)
        {
            var failure = TakePlannedFailure(email);
            var code = failure switch
            {
                SmtpSinkFailure.Transient451 => 451,
                SmtpSinkFailure.Permanent550 => 550,
                _ => 250,
            };
            transactions.Add(new SmtpTransaction(email, code, session.Pipe.IsSecure, session.Authentication.IsAuthenticated ? session.Authentication.User : null));
            waiters.RemoveAll(w => w.TryComplete(transactions));
            return code switch
            {
                451 => new SmtpResponse((SmtpReplyCode)451, "4.3.0 Requested action aborted: try again later (SMTP sink)"),
                550 => new SmtpResponse((SmtpReplyCode)550, "5.7.1 Message refused (SMTP sink)"),
                _ => new SmtpResponse(SmtpReplyCode.Ok, $"2.0.0 OK queued as {transactions.Count}"),
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

    /// <summary>Where the library hands over a message at the end of DATA (dot-unstuffed).</summary>
    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var email = new ReceivedEmail(
                Address(transaction.From),
                transaction.To.Select(Address).ToList(),
                Raw(buffer));
            return sink.CompleteAsync(context, email, cancellationToken);
        }

        /// <summary>The library keeps the CRLF before the lone dot to itself; it ends the message's last line.</summary>
        private static string Raw(ReadOnlySequence<byte> buffer)
        {
            var raw = Encoding.UTF8.GetString(buffer);
            return raw.Length == 0 || raw.EndsWith("\r\n", StringComparison.Ordinal) ? raw : raw + "\r\n";
        }

        private static string Address(IMailbox mailbox) => mailbox.AsAddress() ?? string.Empty;
    }

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
