using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts.Ports;
using Microsoft.Extensions.Logging;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Messaging;

/// <summary>
/// One outgoing email. Record and return: <see cref="SendAsync"/> only persists the message as queued (its reminder,
/// the backstop, armed first) and answers; the delivery runs in the outbox's own turn, at once (a one-shot grain
/// timer for work already due, since the reminder of the scheduling pattern gives due work one retry period) or on
/// the reminder's tick. Each attempt is intent, effect, record: the attempt is counted and its retry armed before the
/// transport sees the message, and the result is persisted after; a crash in between leaves a queued message whose
/// retry is already armed, and a sent or failed message is never handed to the transport again. After each attempt
/// the message's <see cref="EmailMessage.Owner"/> is told where it stands. The calls interleave with a delivery in
/// progress (they only record or read), so no caller waits on SMTP. Every way in first makes sure a queued message
/// has its retry armed (<see cref="ReconcilingGrain"/>); a call that fails on storage or the reminder service drops
/// the activation, whose memory may be ahead of what is stored, so the next call or tick starts again from the stored state.
/// </summary>
public sealed partial class OutboxEmailGrain(
    [PersistentState(StorageNames.OutboxEmailState, StorageNames.Crm)] IPersistentState<OutboxEmailState> state,
    CrmClock clock,
    IDueWorkScheduler scheduler,
    IEmailTransport transport,
    ILogger<OutboxEmailGrain> logger)
    : ReconcilingGrain, IOutboxEmailGrain, IRemindable
{
    /// <summary>How long one attempt may take; the attempt runs in the outbox's own turn, never in a caller's.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The tick at once for work already due, while one is pending in this activation.</summary>
    private IGrainTimer? deliverNow;

    private string Key => this.GetPrimaryKeyString();

    public async Task<EmailDelivery> SendAsync(EmailMessage message)
    {
        Validate(message);
        if (state.State.Delivery is null)
        {
            // Set before the first await: a send interleaved with this one finds the key recorded.
            var now = clock.GetUtcNow();
            state.State.Message = message;
            state.State.Delivery = new EmailDelivery(Key, OutboxRules.MessageIdFor(Key), message.To, DeliveryStatus.Queued, 0, now, null, null);
            state.State.NextAttemptAt = now;

            // Intent: the reminder is armed before the message is on record, so a recorded message always gets its tick.
            await scheduler.ArmAsync(this, PendingAt());
            await state.WriteStateAsync();
            DeliverSoon();
        }
        else if (IsDue(clock.GetUtcNow()))
        {
            DeliverSoon();
        }

        return state.State.Delivery!;
    }

    public Task<EmailDelivery?> GetAsync() => Task.FromResult(state.State.Delivery);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (IsDue(clock.GetUtcNow()))
        {
            await AttemptAsync();
        }
        else
        {
            await scheduler.ArmAsync(this, PendingAt());
        }

        MarkReconciled();
    }

    /// <summary>A message still queued has its retry armed; nothing derives from a key never recorded.</summary>
    protected override Task ReconcileAsync() =>
        state.State.Delivery is null ? Task.CompletedTask : scheduler.EnsureArmedAsync(this, PendingAt());

    private bool IsDue(DateTimeOffset now) =>
        state.State.Delivery is { Status: DeliveryStatus.Queued } && (state.State.NextAttemptAt ?? now) <= now;

    private DateTimeOffset? PendingAt() =>
        state.State.Delivery is { Status: DeliveryStatus.Queued } ? state.State.NextAttemptAt : null;

    /// <summary>Runs the due attempt in a turn of its own, after the caller's turn has answered.</summary>
    private void DeliverSoon() =>
        deliverNow ??= this.RegisterGrainTimer(DeliverDueAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = false });

    private async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        deliverNow?.Dispose();
        deliverNow = null;
        try
        {
            if (IsDue(clock.GetUtcNow()))
            {
                await AttemptAsync();
            }
        }
        catch (Exception ex)
        {
            // As for a failed call: memory may be ahead of storage. The reminder armed before the attempt tries again.
            LogTickFailed(ex, Key);
            DeactivateOnIdle();
        }
    }

    /// <summary>
    /// One attempt. When storage or the reminder service fails, the activation is dropped (see the class):
    /// the stored state's retry was armed before the transport was called.
    /// </summary>
    private async Task AttemptAsync()
    {
        var delivery = state.State.Delivery!;
        if (delivery.Attempts >= OutboxRules.MaxAttempts)
        {
            // The last attempt was cut short (the silo stopped while it ran): it is not repeated.
            await FinishAsync(delivery with { Status = DeliveryStatus.Failed, LastError = "The last attempt was interrupted; its outcome is unknown." });
            LogFailed(Key, delivery.MessageId, delivery.Attempts);
            return;
        }

        // Intent: the attempt is counted and its retry armed before the transport sees the message.
        var attempt = delivery.Attempts + 1;
        delivery = delivery with { Attempts = attempt };
        state.State.Delivery = delivery;
        state.State.NextAttemptAt = clock.GetUtcNow() + (OutboxRules.WaitAfter(attempt) ?? OutboxRules.Backoff[^1]);
        await scheduler.ArmAsync(this, state.State.NextAttemptAt);
        await state.WriteStateAsync();

        // Effect. Only the transport's own failures are caught here; a storage failure afterwards is not a delivery failure.
        string? error = null;
        var permanent = false;
        try
        {
            using var timeout = new CancellationTokenSource(AttemptTimeout);
            await transport.DeliverAsync(state.State.Message!, delivery.MessageId, timeout.Token);
        }
        catch (EmailTransportException ex)
        {
            (error, permanent) = (ex.Message, ex.IsPermanent);
        }
        catch (OperationCanceledException)
        {
            (error, permanent) = ($"The transport did not answer within {AttemptTimeout.TotalSeconds:0} seconds.", false);
        }
        catch (Exception ex)
        {
            (error, permanent) = ($"{ex.GetType().Name}: {ex.Message}", false);
        }

        // Record.
        if (error is null)
        {
            await FinishAsync(delivery with { Status = DeliveryStatus.Sent, SentAt = clock.GetUtcNow(), LastError = null });
            LogSent(Key, delivery.MessageId, attempt);
            return;
        }

        var wait = OutboxRules.WaitAfter(attempt);
        if (permanent || wait is null)
        {
            await FinishAsync(delivery with { Status = DeliveryStatus.Failed, LastError = error });
            LogFailed(Key, delivery.MessageId, attempt);
            return;
        }

        state.State.Delivery = delivery with { LastError = error };
        state.State.NextAttemptAt = clock.GetUtcNow() + wait.Value;
        await state.WriteStateAsync();
        await scheduler.ArmAsync(this, state.State.NextAttemptAt);
        LogRetrying(Key, delivery.MessageId, attempt, state.State.NextAttemptAt.Value);
        await ReportAsync(state.State.Delivery);
    }

    /// <summary>Records a final status (sent or failed): nothing is pending any more.</summary>
    private async Task FinishAsync(EmailDelivery final)
    {
        state.State.Delivery = final;
        state.State.NextAttemptAt = null;
        await state.WriteStateAsync();
        await scheduler.ArmAsync(this, null);
        await ReportAsync(final);
    }

    /// <summary>Tells the message's owner where it stands; one way, and a lost report is caught by the owner's own re-check.</summary>
    private async Task ReportAsync(EmailDelivery delivery)
    {
        if (state.State.Message?.Owner is not { } owner)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IOrderGrain>(owner.OrderNumber).EmailDeliveredAsync(owner.WorkflowEventId, delivery);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReportFailed(ex, Key, owner.OrderNumber);
        }
    }

    private void Validate(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var validator = new Validator();
        if (validator.Required("key", message.Key) && !string.Equals(message.Key, Key, StringComparison.Ordinal))
        {
            validator.Add("key", $"must be the outbox entry's key '{Key}'.");
        }

        validator.Required("to", message.To);
        if (message.Subject is null)
        {
            validator.Add("subject", "is required.");
        }

        if (message.TextBody is null)
        {
            validator.Add("textBody", "is required.");
        }

        validator.ThrowIfInvalid();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Key} ({MessageId}) sent on attempt {Attempt}")]
    private partial void LogSent(string key, string messageId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Key} ({MessageId}) attempt {Attempt} failed; it is tried again at {NextAttemptAt}")]
    private partial void LogRetrying(string key, string messageId, int attempt, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Key}: its delivery turn failed; the reminder tries again")]
    private partial void LogTickFailed(Exception exception, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Key}: order {Order} could not be told where it stands; the order's re-check finds out")]
    private partial void LogReportFailed(Exception exception, string key, string order);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {Key} ({MessageId}) failed for good after {Attempts} attempt(s)")]
    private partial void LogFailed(string key, string messageId, int attempts);
}
