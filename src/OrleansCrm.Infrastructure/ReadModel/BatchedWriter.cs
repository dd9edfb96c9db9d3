using System.Threading.Channels;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>
/// Groups concurrent writes into one: each caller queues its item and waits; one background loop takes
/// whatever is queued (up to <c>maxBatch</c> items), writes it with one call of <c>write</c>, then
/// completes every caller of that batch, or fails them with the write's exception. A caller's wait
/// therefore ends only once its own item is stored. Disposing stops taking new items, writes what was
/// already queued and ends the loop.
/// </summary>
public sealed class BatchedWriter<T> : IDisposable, IAsyncDisposable
{
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<T>, Task> write;
    private readonly Func<Exception, bool> rejectsOneItem;
    private readonly int maxBatch;
    private readonly Task loop;

    /// <param name="write">Stores a batch in one go (all of it or nothing).</param>
    /// <param name="maxBatch">The most items one write is given.</param>
    /// <param name="rejectsOneItem">
    /// Says that a failed write was refused because of the data, not the store: the batch's items are then
    /// written one by one, so a single bad item fails only its own caller. Null: a failure fails the whole batch.
    /// </param>
    public BatchedWriter(Func<IReadOnlyList<T>, Task> write, int maxBatch = 500, Func<Exception, bool>? rejectsOneItem = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        this.write = write;
        this.maxBatch = maxBatch;
        this.rejectsOneItem = rejectsOneItem ?? (_ => false);
        loop = Task.Run(RunAsync);
    }

    /// <summary>Queues the item and completes once the batch holding it is stored.</summary>
    public Task WriteAsync(T item, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(item, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(pending), this);

        // Giving up waiting does not take the item back once its batch is being written.
        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    public void Dispose() => queue.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task RunAsync()
    {
        var reader = queue.Reader;
        var batch = new List<Pending>(maxBatch);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < maxBatch && reader.TryRead(out var pending))
            {
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Stored.TrySetCanceled(pending.CancellationToken);
                }
                else
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count > 0)
            {
                await WriteBatchAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        try
        {
            await write(batch.ConvertAll(p => p.Item));
        }
        catch (Exception ex) when (batch.Count > 1 && rejectsOneItem(ex))
        {
            foreach (var pending in batch)
            {
                await WriteBatchAsync([pending]);
            }

            return;
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.Stored.TrySetException(ex);
            }

            return;
        }

        foreach (var pending in batch)
        {
            pending.Stored.TrySetResult();
        }
    }

    private sealed record Pending(T Item, TaskCompletionSource Stored, CancellationToken CancellationToken);
}
