namespace OrleansCrm.Testing;

/// <summary>
/// A stalled <see cref="SmtpSink"/>: messages that reach the end of DATA wait for their reply until <see cref="Release"/>.
/// <see cref="Holding"/> completes once the first message is being held, so a test knows the client is waiting on the server.
/// </summary>
public sealed class SmtpSinkHold : IDisposable
{
    private readonly SmtpSink sink;
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int held;

    internal SmtpSinkHold(SmtpSink sink, string? recipient)
    {
        this.sink = sink;
        Recipient = recipient;
    }

    /// <summary>Only messages to this envelope recipient are held; null for every message.</summary>
    public string? Recipient { get; }

    /// <summary>Completes once a message waits for its reply.</summary>
    public Task Holding => holding.Task;

    /// <summary>How many messages wait for their reply right now.</summary>
    public int Held => Volatile.Read(ref held);

    /// <summary>Lets every held message (and every later one) get its reply.</summary>
    public void Release()
    {
        sink.EndHold(this);
        released.TrySetResult();
    }

    public void Dispose() => Release();

    internal async Task WaitAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref held);
        holding.TrySetResult();
        try
        {
            await released.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref held);
        }
    }
}
