using OrleansCrm.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Messaging;

/// <summary>
/// The outbox, for every channel (email, SMS): one outgoing message per grain, under a key that is never sent twice.
/// Record and return: a send only persists the message as queued (its reminder, the backstop, armed first) and answers;
/// the delivery runs in the outbox's own turn, at once (a one-shot grain timer for work already due, since the reminder of
/// the scheduling pattern gives due work one retry period) or on the reminder's tick. Each attempt is intent, effect,
/// record: the channel's checks run (<see cref="GateAsync"/>), the attempt is counted and its retry planned, armed and
/// stored before the transport sees the message, and the result is persisted after; a crash in between leaves a queued
/// message whose retry is already armed, and a message past <c>Queued</c> is never handed to the transport again. What the
/// reminder is armed for is kept in the state (<see cref="Armed"/>, through <see cref="IDueWorkScheduler.Plan"/> and
/// <see cref="IDueWorkScheduler.ArmAsPlannedAsync"/>): a tick or a call that moves no due instant writes no reminder row. A transient failure waits
/// <see cref="OutboxRules.Backoff"/>; a permanent one is <c>Failed</c> at once. Status only moves forward
/// (<see cref="DeliveryStatuses"/>), every change is kept in the history and written to the message log. Every way in
/// first makes sure a queued message has its retry armed (<see cref="ReconcilingGrain"/>); a call that fails on storage
/// or the reminder service drops the activation, so the next call or tick starts again from the stored state.
/// </summary>
public abstract partial class OutboxGrain<TState>(
    IPersistentState<TState> state,
    CrmClock clock,
    IDueWorkScheduler scheduler,
    IMessageLog log,
    ILogger logger)
    : ReconcilingGrain, IRemindable
    where TState : class
{
    /// <summary>How long one attempt may take; the attempt runs in the outbox's own turn, never in a caller's.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The tick at once for work already due, while one is pending in this activation.</summary>
    private IGrainTimer? deliverNow;

    /// <summary>This activation stored the record with its first attempt's retry, and that attempt has not started.</summary>
    private bool firstAttemptStored;

    protected string Key => this.GetPrimaryKeyString();

    protected TState State => state.State;

    protected CrmClock Clock => clock;

    protected ILogger Logger => logger;

    /// <summary>"Email", "SMS": for the log lines.</summary>
    protected abstract string Channel { get; }

    /// <summary>Where the recorded message stands; null while nothing is recorded under the key.</summary>
    protected abstract DeliveryStatus? Status { get; }

    protected abstract int Attempts { get; }

    protected abstract string? LastError { get; }

    protected abstract string MessageId { get; }

    /// <summary>When the next attempt falls due while the message is queued (kept in the state); null otherwise.</summary>
    protected abstract DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The status history, kept in the state.</summary>
    protected abstract List<MessageStatusChange> History { get; }

    /// <summary>What the reminder is armed for, kept in the state.</summary>
    protected abstract ArmedDueWork Armed { get; }

    /// <summary>Writes the delivery's status, attempt count and last error into the state (and the sent instant on <c>Sent</c>).</summary>
    protected abstract void Record(DeliveryStatus status, int attempts, string? error);

    /// <summary>Hands the message to the channel's transport; the channel's own transport failures come back as an outcome.</summary>
    protected abstract Task<TransportOutcome> DeliverAsync(CancellationToken cancellationToken);

    /// <summary>The message log's entry for the message as it stands.</summary>
    protected abstract MessageLogEntry LogEntry();

    /// <summary>The channel's checks before an attempt (opt-outs, quiet hours, the cap); open by default.</summary>
    protected virtual Task<SendGate> GateAsync() => Task.FromResult(SendGate.Open);

    /// <summary>After every attempt's record: tells whoever owns the message where it stands.</summary>
    protected virtual Task AfterAttemptAsync() => Task.CompletedTask;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Armed.TickArrived();
        if (IsDue(clock.GetUtcNow()))
        {
            await AttemptAsync();
        }
        else
        {
            if (Status is { } settled && settled != DeliveryStatus.Queued)
            {
                // A tick for a message already settled: its reminder outlived the end, so the end's effects may not
                // have run (the silo died after the state was written, or removing the reminder failed). Both are
                // idempotent: the owner ignores a report it has, the log keeps the newest version.
                await AfterAttemptAsync();
                await WriteLogAsync();
            }

            await ArmAsync();
        }

        MarkReconciled();
    }

    /// <summary>
    /// A message still queued has its retry armed (checked once by an activation that did not write the reminder);
    /// nothing derives from a key never recorded.
    /// </summary>
    protected override Task ReconcileAsync() => Status is null ? Task.CompletedTask : ArmAsync();

    /// <summary>
    /// After the channel has put a new message in the state as queued: its first attempt due now, the reminder armed
    /// before the message is on record (so a recorded message always gets its tick), persisted, delivered soon.
    /// </summary>
    protected async Task RecordQueuedAsync()
    {
        var now = clock.GetUtcNow();

        // The record is also the first attempt's intent: its retry is armed and stored with it, so the attempt that follows
        // at once writes nothing before the transport sees the message. Cut short by a crash, it is made again at that retry.
        NextAttemptAt = now + (OutboxRules.WaitAfter(1) ?? OutboxRules.Backoff[^1]);
        History.Add(new MessageStatusChange(DeliveryStatus.Queued, now, null));
        await ArmAsync(); // armed before the state that needs the tick is written
        await state.WriteStateAsync();
        firstAttemptStored = true;
        CrmMetrics.MessageRecorded(Channel);
        await WriteLogAsync();
        DeliverSoon();
    }

    /// <summary>
    /// After the channel has put a message in the state that is not to be sent (a booking reminder whose cause no longer
    /// holds): <c>Skipped</c> at once with the reason, kept in the history and the log like any message, and never handed
    /// to the transport; nothing is pending, so nothing is armed.
    /// </summary>
    protected async Task SkipAtOnceAsync(string reason)
    {
        NextAttemptAt = null;
        History.Add(new MessageStatusChange(DeliveryStatus.Skipped, clock.GetUtcNow(), reason));
        await WriteThenArmAsync();
        LogSkipped(Channel, Key, reason);
        await WriteLogAsync();
    }

    /// <summary>A send of a key already recorded: a queued message whose retry is due is tried at once.</summary>
    protected void DeliverIfDue()
    {
        if (IsDue(clock.GetUtcNow()))
        {
            DeliverSoon();
        }
    }

    /// <summary>
    /// A report from the transport (delivered, undeliverable): moves the status forward only, and ends any retry still
    /// pending. False when it said nothing new (a duplicate, a late report, or nothing recorded).
    /// </summary>
    protected async Task<bool> AdvanceAsync(DeliveryStatus next, string? detail)
    {
        if (Status is not { } current || !DeliveryStatuses.CanMove(current, next))
        {
            return false;
        }

        Record(next, Attempts, detail ?? LastError);
        History.Add(new MessageStatusChange(next, clock.GetUtcNow(), detail));
        if (next != DeliveryStatus.Queued)
        {
            NextAttemptAt = null;
        }

        await WriteThenArmAsync();
        await WriteLogAsync();
        return true;
    }

    private bool IsDue(DateTimeOffset now) =>
        Status is DeliveryStatus.Queued && (NextAttemptAt ?? now) <= now;

    private DateTimeOffset? PendingAt() => Status is DeliveryStatus.Queued ? NextAttemptAt : null;

    /// <summary>
    /// Arms for the pending attempt as the state stands: a reminder write only when its instant moved, a read when this
    /// activation has not checked the stored record. Before a write that records new work (a crash in between leaves at
    /// most a spare tick, which finds nothing due); the record is stored by that write.
    /// </summary>
    private Task ArmAsync()
    {
        scheduler.Plan(Armed, PendingAt());
        return scheduler.ArmAsPlannedAsync(this, Armed);
    }

    /// <summary>A change with its reminder planned for it: stored with the state, armed after the write.</summary>
    private async Task WriteThenArmAsync()
    {
        scheduler.Plan(Armed, PendingAt());
        await state.WriteStateAsync();
        await scheduler.ArmAsPlannedAsync(this, Armed);
    }

    /// <summary>Runs the due attempt in a turn of its own, after the caller's turn has answered.</summary>
    private void DeliverSoon() =>
        deliverNow ??= this.RegisterGrainTimer(DeliverDueAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = false });

    private async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        deliverNow?.Dispose();
        deliverNow = null;
        try
        {
            if ((firstAttemptStored && Status is DeliveryStatus.Queued) || IsDue(clock.GetUtcNow()))
            {
                await AttemptAsync();
            }
        }
        catch (Exception ex)
        {
            // As for a failed call: memory may be ahead of storage. The reminder armed before the attempt tries again.
            LogTickFailed(ex, Channel, Key);
            DeactivateOnIdle();
        }
    }

    /// <summary>
    /// One attempt. When storage or the reminder service fails, the activation is dropped (see the class):
    /// the stored state's retry was armed before the transport was called.
    /// </summary>
    private async Task AttemptAsync()
    {
        var intentStored = firstAttemptStored && Attempts == 0;
        firstAttemptStored = false;
        if (Attempts >= OutboxRules.MaxAttempts)
        {
            // The last attempt was cut short (the silo stopped while it ran): it is not repeated.
            await FinishAsync(DeliveryStatus.Failed, "The last attempt was interrupted; its outcome is unknown.");
            LogFailed(Channel, Key, MessageId, Attempts);
            return;
        }

        var gate = await GateAsync();
        if (gate.SkipReason is { } reason)
        {
            await FinishAsync(DeliveryStatus.Skipped, reason);
            LogSkipped(Channel, Key, reason);
            return;
        }

        if (gate.WaitUntil is { } until)
        {
            NextAttemptAt = until;
            await WriteThenArmAsync();
            LogDeferred(Channel, Key, until);
            return;
        }

        // Intent: the attempt is counted and its retry armed and stored before the transport sees the message (for the
        // first attempt right after the record, the record stored its retry: counted in memory, stored with its outcome).
        var attempt = Attempts + 1;
        Record(DeliveryStatus.Queued, attempt, LastError);
        if (!intentStored)
        {
            NextAttemptAt = clock.GetUtcNow() + (OutboxRules.WaitAfter(attempt) ?? OutboxRules.Backoff[^1]);
            await ArmAsync(); // armed before the state that needs the tick is written
            await state.WriteStateAsync();
        }

        // Effect. Only the transport's own failures count; a storage failure afterwards is not a delivery failure.
        TransportOutcome outcome;
        try
        {
            using var timeout = new CancellationTokenSource(AttemptTimeout);
            outcome = await DeliverAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            outcome = new TransportOutcome($"The transport did not answer within {AttemptTimeout.TotalSeconds:0} seconds.", false);
        }
        catch (Exception ex)
        {
            outcome = new TransportOutcome($"{ex.GetType().Name}: {ex.Message}", false);
        }

        // Record.
        if (outcome.Error is not { } error)
        {
            await FinishAsync(DeliveryStatus.Sent, null);
            LogSent(Channel, Key, MessageId, attempt);
            return;
        }

        var wait = OutboxRules.WaitAfter(attempt);
        if (outcome.Permanent || wait is null)
        {
            await FinishAsync(DeliveryStatus.Failed, error);
            LogFailed(Channel, Key, MessageId, attempt);
            return;
        }

        Record(DeliveryStatus.Queued, attempt, error);
        NextAttemptAt = clock.GetUtcNow() + wait.Value;
        await WriteThenArmAsync();
        LogRetrying(Channel, Key, MessageId, attempt, NextAttemptAt.Value);
        await AfterAttemptAsync();
        await WriteLogAsync();
    }

    /// <summary>Records the end of the outbox's part (sent, failed, skipped): nothing is pending any more.</summary>
    private async Task FinishAsync(DeliveryStatus status, string? error)
    {
        Record(status, Attempts, error);
        NextAttemptAt = null;
        History.Add(new MessageStatusChange(status, clock.GetUtcNow(), error));
        scheduler.Plan(Armed, PendingAt());
        await state.WriteStateAsync();
        CrmMetrics.MessageSettled(Channel, status.ToString());

        // The owner first: it waits on this report, the log is only read by people. Both before the reminder is
        // removed: while it is still there, a silo dying here (or the removal failing) leaves a tick that runs them again.
        await AfterAttemptAsync();
        await WriteLogAsync();
        await scheduler.ArmAsPlannedAsync(this, Armed);
    }

    /// <summary>The log is a read model: a failed write is caught up by the message's next change, never fails the send.</summary>
    private async Task WriteLogAsync()
    {
        try
        {
            await log.RecordAsync(LogEntry());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLogWriteFailed(ex, Channel, Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} {Key} ({MessageId}) sent on attempt {Attempt}")]
    private partial void LogSent(string channel, string key, string messageId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} {Key} ({MessageId}) attempt {Attempt} failed; it is tried again at {NextAttemptAt}")]
    private partial void LogRetrying(string channel, string key, string messageId, int attempt, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} {Key} skipped: {Reason}")]
    private partial void LogSkipped(string channel, string key, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel} {Key} deferred until {Until}")]
    private partial void LogDeferred(string channel, string key, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} {Key}: its delivery turn failed; the reminder tries again")]
    private partial void LogTickFailed(Exception exception, string channel, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} {Key}: the message log could not be written; the next change writes it")]
    private partial void LogLogWriteFailed(Exception exception, string channel, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel} {Key} ({MessageId}) failed for good after {Attempts} attempt(s)")]
    private partial void LogFailed(string channel, string key, string messageId, int attempts);
}
