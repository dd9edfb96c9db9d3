using MailKit;

namespace OrleansCrm.Infrastructure.Messaging;

/// <summary>
/// A cancellation that holds only until a message's data starts to go out to the SMTP server. MailKit reports the
/// data's progress through <see cref="ITransferProgress"/>; the first report passes the point of no return. Passing it
/// and cancelling are decided by one atomic step, so either the data never goes out (cancelled first: the report
/// throws before the terminating dot can be written) or it goes out and nothing cancels the wait for the reply.
/// </summary>
internal sealed class PointOfNoReturn : ITransferProgress, IDisposable
{
    private const int Open = 0;
    private const int Passed = 1;
    private const int Cancelled = 2;

    private readonly CancellationTokenSource source = new();
    private readonly CancellationTokenRegistration forwarding;
    private int stage = Open;

    public PointOfNoReturn(CancellationToken caller)
    {
        forwarding = caller.Register(() =>
        {
            if (Interlocked.CompareExchange(ref stage, Cancelled, Open) == Open)
            {
                source.Cancel();
            }
        });
    }

    /// <summary>Cancelled when the caller cancels before the data started; never cancelled after.</summary>
    public CancellationToken Token => source.Token;

    public void Report(long bytesTransferred, long totalSize) => Pass();

    public void Report(long bytesTransferred) => Pass();

    public void Dispose()
    {
        forwarding.Dispose();
        source.Dispose();
    }

    private void Pass()
    {
        if (Interlocked.CompareExchange(ref stage, Passed, Open) == Cancelled)
        {
            throw new OperationCanceledException(source.Token);
        }
    }
}
