using Microsoft.Extensions.Logging;
using OrleansCrm.Contracts;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Messaging;

/// <summary>
/// One outgoing email on the outbox's mechanism (<see cref="OutboxGrain{TState}"/>: record and return, never twice,
/// backoff, forward-only status): the transport is SMTP or the pickup folder, and after each attempt the message's
/// <see cref="EmailMessage.Owner"/> is told where it stands. The calls interleave with a delivery in progress (they
/// only record or read), so no caller waits on SMTP.
/// </summary>
public sealed partial class OutboxEmailGrain(
    [PersistentState(StorageNames.OutboxEmailState, StorageNames.Crm)] IPersistentState<OutboxEmailState> state,
    CrmClock clock,
    IDueWorkScheduler scheduler,
    IEmailTransport transport,
    IMessageLog log,
    ILogger<OutboxEmailGrain> logger)
    : OutboxGrain<OutboxEmailState>(state, clock, scheduler, log, logger), IOutboxEmailGrain
{
    protected override string Channel => "Email";

    protected override DeliveryStatus? Status => State.Delivery?.Status;

    protected override int Attempts => State.Delivery?.Attempts ?? 0;

    protected override string? LastError => State.Delivery?.LastError;

    protected override string MessageId => State.Delivery?.MessageId ?? OutboxRules.MessageIdFor(Key);

    protected override DateTimeOffset? NextAttemptAt { get => State.NextAttemptAt; set => State.NextAttemptAt = value; }

    protected override List<MessageStatusChange> History => State.History;

    protected override ArmedDueWork Armed => State.Armed;

    public async Task<EmailDelivery> SendAsync(EmailMessage message)
    {
        Validate(message);
        if (State.Delivery is null)
        {
            // Set before the first await: a send interleaved with this one finds the key recorded.
            State.Message = message;
            State.Delivery = new EmailDelivery(Key, OutboxRules.MessageIdFor(Key), message.To, DeliveryStatus.Queued, 0, Clock.GetUtcNow(), null, null);
            await RecordQueuedAsync();
        }
        else
        {
            DeliverIfDue();
        }

        return State.Delivery!;
    }

    public async Task<EmailDelivery> RecordSkippedAsync(EmailMessage message, string reason)
    {
        ValidateSkipped(message, reason);
        if (State.Delivery is null)
        {
            State.Message = message;
            State.Delivery = new EmailDelivery(Key, OutboxRules.MessageIdFor(Key), message.To, DeliveryStatus.Skipped, 0, Clock.GetUtcNow(), null, reason);
            await SkipAtOnceAsync(reason);
        }

        return State.Delivery!;
    }

    public Task<EmailDelivery?> GetAsync() => Task.FromResult(State.Delivery);

    protected override void Record(DeliveryStatus status, int attempts, string? error) =>
        State.Delivery = State.Delivery! with
        {
            Status = status,
            Attempts = attempts,
            LastError = status == DeliveryStatus.Sent ? null : error,
            SentAt = status == DeliveryStatus.Sent ? Clock.GetUtcNow() : State.Delivery.SentAt,
        };

    protected override async Task<TransportOutcome> DeliverAsync(CancellationToken cancellationToken)
    {
        try
        {
            await transport.DeliverAsync(State.Message!, State.Delivery!.MessageId, cancellationToken);
            return TransportOutcome.Accepted;
        }
        catch (EmailTransportException ex)
        {
            return new TransportOutcome(ex.Message, ex.IsPermanent);
        }
    }

    protected override MessageLogEntry LogEntry()
    {
        var message = State.Message!;
        var delivery = State.Delivery!;
        return new MessageLogEntry(
            OutboxRules.EmailLogIdFor(Key),
            MessageLogEntry.Email,
            Key,
            message.Context?.CustomerId,
            message.Context?.OrderNumber ?? message.Owner?.OrderNumber,
            message.Context?.CallId,
            message.Context?.TemplateVersion,
            message.To.Length == 0 ? [] : [message.To],
            message.Subject,
            message.TextBody,
            message.HtmlBody,
            delivery.Status,
            [.. State.History],
            delivery.QueuedAt,
            State.History.Count + delivery.Attempts);
    }

    /// <summary>Tells the message's owner where it stands; one way, and a lost report is caught by the owner's own re-check.</summary>
    protected override async Task AfterAttemptAsync()
    {
        if (State.Message?.Owner is not { } owner)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IOrderGrain>(owner.OrderNumber).EmailDeliveredAsync(owner.WorkflowEventId, State.Delivery!);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReportFailed(Logger, ex, Key, owner.OrderNumber);
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

    /// <summary>A message recorded as not sent needs its key and the reason; its recipient may be unknown (its template is gone).</summary>
    private void ValidateSkipped(EmailMessage message, string reason)
    {
        ArgumentNullException.ThrowIfNull(message);
        var validator = new Validator();
        if (validator.Required("key", message.Key) && !string.Equals(message.Key, Key, StringComparison.Ordinal))
        {
            validator.Add("key", $"must be the outbox entry's key '{Key}'.");
        }

        validator.Required("reason", reason);
        validator.ThrowIfInvalid();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Key}: order {Order} could not be told where it stands; the order's re-check finds out")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string key, string order);
}
