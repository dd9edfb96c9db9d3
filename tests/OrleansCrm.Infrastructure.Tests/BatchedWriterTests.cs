using OrleansCrm.Infrastructure.Calls;
using OrleansCrm.Infrastructure.ReadModel;

namespace OrleansCrm.Infrastructure.Tests;

public sealed class BatchedWriterTests
{
    /// <summary>A store whose first write waits until the test opens the gate, so items queue up behind it.</summary>
    private sealed class HeldStore
    {
        private readonly TaskCompletionSource firstWriteStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<int[]> batches = [];
        private readonly Lock batchesGate = new();

        public Func<int, bool> Rejects { get; init; } = _ => false;

        public Task FirstWriteStarted => firstWriteStarted.Task;

        public List<int[]> Batches
        {
            get
            {
                lock (batchesGate)
                {
                    return [.. batches];
                }
            }
        }

        public void Open() => gate.TrySetResult();

        public async Task WriteAsync(IReadOnlyList<int> batch)
        {
            firstWriteStarted.TrySetResult();
            await gate.Task;
            if (batch.Any(Rejects))
            {
                throw new InvalidDataException($"rejected {string.Join(",", batch)}");
            }

            lock (batchesGate)
            {
                batches.Add([.. batch]);
            }
        }
    }

    [Fact]
    public async Task Items_queued_while_a_write_runs_go_out_together_in_the_next_write()
    {
        var store = new HeldStore();
        await using var writer = new BatchedWriter<int>(store.WriteAsync);
        var first = writer.WriteAsync(0);
        await store.FirstWriteStarted;

        var rest = Enumerable.Range(1, 10).Select(i => writer.WriteAsync(i)).ToList();
        store.Open();
        await first;
        await Task.WhenAll(rest);

        Assert.Equal([[0], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]], store.Batches);
    }

    [Fact]
    public async Task A_write_is_given_at_most_the_maximum_batch()
    {
        var store = new HeldStore();
        await using var writer = new BatchedWriter<int>(store.WriteAsync, maxBatch: 3);
        var first = writer.WriteAsync(0);
        await store.FirstWriteStarted;

        var rest = Enumerable.Range(1, 7).Select(i => writer.WriteAsync(i)).ToList();
        store.Open();
        await Task.WhenAll(rest.Append(first));

        Assert.Equal([[0], [1, 2, 3], [4, 5, 6], [7]], store.Batches);
    }

    [Fact]
    public async Task A_caller_returns_only_once_the_write_holding_its_item_completed()
    {
        var store = new HeldStore();
        await using var writer = new BatchedWriter<int>(store.WriteAsync);

        var write = writer.WriteAsync(1);
        await store.FirstWriteStarted;

        Assert.False(write.IsCompleted);
        store.Open();
        await write;
        Assert.Equal([[1]], store.Batches);
    }

    [Fact]
    public async Task A_failed_write_fails_every_caller_of_its_batch_and_later_writes_still_go_out()
    {
        var store = new HeldStore { Rejects = i => i == 2 };
        await using var writer = new BatchedWriter<int>(store.WriteAsync);
        var first = writer.WriteAsync(0);
        await store.FirstWriteStarted;
        var failing = new[] { writer.WriteAsync(1), writer.WriteAsync(2), writer.WriteAsync(3) };

        store.Open();
        await first;

        foreach (var write in failing)
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => write);
            Assert.Equal("rejected 1,2,3", error.Message);
        }

        await writer.WriteAsync(4);
        Assert.Equal([[0], [4]], store.Batches);
    }

    [Fact]
    public async Task When_the_store_rejects_one_item_of_a_batch_only_that_item_s_caller_fails()
    {
        var store = new HeldStore { Rejects = i => i == 2 };
        await using var writer = new BatchedWriter<int>(store.WriteAsync, rejectsOneItem: ex => ex is InvalidDataException);
        var first = writer.WriteAsync(0);
        await store.FirstWriteStarted;
        var one = writer.WriteAsync(1);
        var two = writer.WriteAsync(2);
        var three = writer.WriteAsync(3);

        store.Open();
        await Task.WhenAll(first, one, three);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => two);
        Assert.Equal("rejected 2", error.Message);
        Assert.Equal([[0], [1], [3]], store.Batches);
    }

    [Fact]
    public async Task An_item_whose_caller_gave_up_before_its_batch_was_taken_is_not_written()
    {
        var store = new HeldStore();
        await using var writer = new BatchedWriter<int>(store.WriteAsync);
        var first = writer.WriteAsync(0);
        await store.FirstWriteStarted;
        using var giveUp = new CancellationTokenSource();
        var abandoned = writer.WriteAsync(1, giveUp.Token);
        var kept = writer.WriteAsync(2);

        await giveUp.CancelAsync();
        store.Open();
        await Task.WhenAll(first, kept);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal([[0], [2]], store.Batches);
    }

    [Fact]
    public async Task Disposing_writes_what_was_queued_then_refuses_new_items()
    {
        var store = new HeldStore();
        var writer = new BatchedWriter<int>(store.WriteAsync);
        var queued = new[] { writer.WriteAsync(0), writer.WriteAsync(1) };
        await store.FirstWriteStarted;
        var more = writer.WriteAsync(2);

        var disposing = writer.DisposeAsync();
        store.Open();
        await disposing;

        await Task.WhenAll(queued.Append(more));
        Assert.Equal([0, 1, 2], store.Batches.SelectMany(b => b));
        Assert.Throws<ObjectDisposedException>(() => { _ = writer.WriteAsync(3); });
    }
}
