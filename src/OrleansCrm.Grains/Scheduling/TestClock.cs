using OrleansCrm.Contracts.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Grains.Scheduling;

/// <summary>
/// Moves the simulated clock forward. Every piece of work that falls due on the way runs, in due
/// order, with the clock standing at its due instant, before the call returns.
/// </summary>
public sealed partial class TestClock(
    SimulatedTime time,
    SimulatedDueWork work,
    IGrainFactory grains,
    IOptions<DueWorkOptions> options,
    ILogger<TestClock> logger) : IDisposable
{
    /// <summary>A bound on one move, so a grain that re-arms forever cannot hang the call.</summary>
    public const int MaxTicksPerAdvance = 1_000_000;

    /// <summary>How many ticks due at the same instant run at once (each holds a few database connections on PostgreSQL).</summary>
    public const int TicksInParallel = 16;

    private readonly SemaphoreSlim oneMoveAtATime = new(1, 1);

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<ClockAdvance> AdvanceToAsync(DateTimeOffset target, CancellationToken cancellationToken = default)
    {
        await oneMoveAtATime.WaitAsync(cancellationToken);
        try
        {
            var from = time.GetUtcNow();
            if (target < from)
            {
                throw DomainException.Conflict("The clock only moves forward", $"The simulated clock stands at {from:O}; {target:O} is in its past.");
            }

            var delivered = 0;
            var failed = 0;
            while (work.TakeEarliest(target, out var dueAt) is { Count: > 0 } due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (delivered + failed >= MaxTicksPerAdvance)
                {
                    throw DomainException.Conflict("Too much scheduled work", $"More than {MaxTicksPerAdvance} ticks fell due in one move; move the clock in smaller steps.");
                }

                // Work due at one instant has no order among itself, so it runs side by side (bounded), the clock standing at that instant.
                time.MoveTo(dueAt);
                var tick = new TickStatus(dueAt.UtcDateTime, options.Value.RetryPeriod, dueAt.UtcDateTime);
                await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = TicksInParallel, CancellationToken = cancellationToken }, async (grain, ct) =>
                {
                    try
                    {
                        await grains.GetGrain<IRemindable>(grain).ReceiveReminder(DueWork.ReminderName, tick, ct);
                        Interlocked.Increment(ref delivered);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // As with a reminder in production, a failed tick comes back one retry period later.
                        Interlocked.Increment(ref failed);
                        LogTickFailed(ex, grain, dueAt);
                        work.Arm(grain, dueAt);
                    }
                });
            }

            time.MoveTo(target);
            return new ClockAdvance(from, time.GetUtcNow(), delivered, failed);
        }
        finally
        {
            oneMoveAtATime.Release();
        }
    }

    public void Dispose() => oneMoveAtATime.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled work of {Grain} due at {DueAt} failed; it runs again after the retry period")]
    private partial void LogTickFailed(Exception exception, GrainId grain, DateTimeOffset dueAt);
}
