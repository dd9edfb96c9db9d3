using System.Globalization;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts.Shop;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Shop;
using OrleansCrm.Grains.Scheduling;
using Microsoft.Extensions.Options;

namespace OrleansCrm.Grains.Shop;

/// <summary>
/// The nightly linked-order validation job, keyed by its name. Its state holds the next nightly instant, the last
/// business date run, the run under way and the runs; its one due instant is the next night (or, while a run is under
/// way, when that run counts as stalled). A tick reconciles from state: a duplicated tick finds the night already
/// started and does nothing; a tick after nights missed starts one run for the latest. The run itself is done by
/// its worker grain, so this grain answers (the runs, a 409 for a second run) while a run goes on.
/// </summary>
public sealed class LinkedOrderValidationJobGrain(
    [PersistentState(ShopStorageNames.LinkedOrderValidationJobState, StorageNames.Crm)] IPersistentState<LinkedOrderValidationJobState> state,
    CrmClock clock,
    IDueWorkScheduler scheduler,
    NightlySchedule schedule,
    IOptions<LinkedOrderValidationOptions> options)
    : Grain, ILinkedOrderValidationJobGrain, IRemindable
{
    public const int RunsKept = 400;

    private LinkedOrderValidationJobState Job => state.State;

    public async Task EnsureScheduledAsync()
    {
        if (Job.NextRunAt is null)
        {
            Job.NextRunAt = schedule.NextAfter(clock.GetUtcNow());
            await SaveAsync();
            return;
        }

        await ArmAsync();
    }

    public async Task<ValidationRunRecord> RunNowAsync(string by)
    {
        if (Job.Running is { } running)
        {
            throw DomainException.Conflict("A validation run is under way", $"Run '{running.RunId}' started at {running.StartedAt:O}; wait until it finishes.");
        }

        var now = clock.GetUtcNow();
        Job.NextRunAt ??= schedule.NextAfter(now);
        var run = ValidationRunRecord.Started($"manual-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..6]}", ValidationRunRecord.Manual, null, now);
        await StartAsync(run);
        return run;
    }

    public Task<ValidationRuns> GetRunsAsync() => Task.FromResult(new ValidationRuns([.. Job.Runs], Job.NextRunAt, Job.SyncedUpTo));

    public Task<OpenValidationRun?> OpenRunAsync(string runId) =>
        Task.FromResult(Job.Running is { } running && running.RunId == runId ? new OpenValidationRun(running, Job.SyncedUpTo) : null);

    public async Task RunFinishedAsync(ValidationRunRecord run)
    {
        if (Job.Running?.RunId != run.RunId)
        {
            return;
        }

        Job.Running = null;
        Job.HandedOutAt = null;
        if (run.SyncError is null && run.SyncWatermark is { } watermark && (Job.SyncedUpTo is null || watermark > Job.SyncedUpTo))
        {
            Job.SyncedUpTo = watermark;
        }

        var at = Job.Runs.FindIndex(r => r.RunId == run.RunId);
        if (at >= 0)
        {
            Job.Runs[at] = run;
        }

        await SaveAsync();
    }

    /// <summary>The night's run when due (once per business date; nights missed → one run), and a stalled run handed out again.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Job.Armed.TickArrived();
        var now = clock.GetUtcNow();
        Job.NextRunAt ??= schedule.NextAfter(now);

        if (Job.Running is not null && Job.HandedOutAt + options.Value.StallAfter <= now)
        {
            Job.HandedOutAt = now;
            await SaveAsync();
            HandOut(Job.Running.RunId);
            return;
        }

        if (Job.Running is null && schedule.DueAt(Job.NextRunAt.Value, now) is { } due)
        {
            Job.NextRunAt = due.NextRunAt;
            if (due.BusinessDate != Job.LastBusinessDate)
            {
                Job.LastBusinessDate = due.BusinessDate;
                await StartAsync(ValidationRunRecord.Started($"nightly-{due.BusinessDate:yyyy-MM-dd}", ValidationRunRecord.Nightly, due.BusinessDate, now));
                return;
            }
        }

        await SaveAsync();
    }

    /// <summary>The run is recorded (state written) before its worker is told: a crash in between is a stalled run, handed out again.</summary>
    private async Task StartAsync(ValidationRunRecord run)
    {
        Job.Running = run;
        Job.HandedOutAt = run.StartedAt;
        Job.Runs.Insert(0, run);
        if (Job.Runs.Count > RunsKept)
        {
            Job.Runs.RemoveRange(RunsKept, Job.Runs.Count - RunsKept);
        }

        await SaveAsync();
        HandOut(run.RunId);
    }

    private void HandOut(string runId) => GrainFactory.GetGrain<ILinkedOrderValidationRunGrain>(runId).RunAsync().Ignore();

    /// <summary>The next night, or (a run under way) the instant it would count as stalled; a night due while a run goes on waits for it.</summary>
    private DateTimeOffset? DueAt() => Job.Running is not null ? Job.HandedOutAt + options.Value.StallAfter : Job.NextRunAt;

    private async Task SaveAsync()
    {
        scheduler.Plan(Job.Armed, DueAt());
        await state.WriteStateAsync();
        await scheduler.ArmAsPlannedAsync(this, Job.Armed);
    }

    private async Task ArmAsync()
    {
        if (scheduler.Plan(Job.Armed, DueAt()))
        {
            await state.WriteStateAsync();
        }

        await scheduler.ArmAsPlannedAsync(this, Job.Armed);
    }
}
