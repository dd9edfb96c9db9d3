using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansCrm.Contracts;
using OrleansCrm.Contracts.Messaging;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Messaging;

/// <summary>
/// One outgoing SMS on the outbox's mechanism (<see cref="OutboxGrain{TState}"/>: record and return, never twice,
/// backoff, forward-only status), keyed by its client message id. Before each attempt: a number on the opt-out list is
/// <c>Skipped</c> (every SMS); an automated SMS inside the quiet hours in the recipient's zone (its own, else its
/// campaign's, else the setting's) waits for their end, and
/// one over the recipient's frequency cap is <c>Skipped</c>. The gateway's opt-out error puts the number on the list.
/// The gateway's delivery reports move the status forward (<see cref="ReportDeliveryAsync"/>).
/// </summary>
public sealed partial class OutboxSmsGrain(
    [PersistentState(StorageNames.OutboxSmsState, StorageNames.Crm)] IPersistentState<OutboxSmsState> state,
    CrmClock clock,
    IDueWorkScheduler scheduler,
    ISmsTransport transport,
    IMessageLog log,
    IOptions<SmsRules> rules,
    ILogger<OutboxSmsGrain> logger)
    : OutboxGrain<OutboxSmsState>(state, clock, scheduler, log, logger), IOutboxSmsGrain
{
    protected override string Channel => "SMS";

    protected override DeliveryStatus? Status => State.Delivery?.Status;

    protected override int Attempts => State.Delivery?.Attempts ?? 0;

    protected override string? LastError => State.Delivery?.LastError;

    protected override string MessageId => Key;

    protected override DateTimeOffset? NextAttemptAt { get => State.NextAttemptAt; set => State.NextAttemptAt = value; }

    protected override List<MessageStatusChange> History => State.History;

    protected override ArmedDueWork Armed => State.Armed;

    private ISmsRecipientGrain Recipient => GrainFactory.GetGrain<ISmsRecipientGrain>(State.Message!.To);

    public async Task<SmsDelivery> SendAsync(SmsMessage message)
    {
        Validate(message);
        if (State.Delivery is null)
        {
            // Set before the first await: a send interleaved with this one finds the key recorded.
            State.Message = message;
            State.Delivery = new SmsDelivery(message.Key, Key, message.To, DeliveryStatus.Queued, 0, Clock.GetUtcNow(), null, null, null);
            await RecordQueuedAsync();
        }
        else
        {
            DeliverIfDue();
        }

        return State.Delivery!;
    }

    public async Task<SmsDelivery> RecordSkippedAsync(SmsMessage message, string reason)
    {
        ValidateSkipped(message, reason);
        if (State.Delivery is null)
        {
            State.Message = message;
            State.Delivery = new SmsDelivery(message.Key, Key, message.To, DeliveryStatus.Skipped, 0, Clock.GetUtcNow(), null, reason, null);
            await SkipAtOnceAsync(reason);
        }

        return State.Delivery!;
    }

    public Task<SmsDelivery?> GetAsync() => Task.FromResult(State.Delivery);

    public async Task<bool> ReportDeliveryAsync(DeliveryStatus status, string? errorCode)
    {
        if (State.Delivery is null)
        {
            return false;
        }

        if (status == DeliveryStatus.Undeliverable && SmsGatewayCodes.IsOptOut(errorCode))
        {
            await Recipient.OptOutAsync($"The gateway reported the number opted out ({errorCode}).");
        }

        await AdvanceAsync(status, errorCode is null ? null : $"The gateway reported {status}: {errorCode}.");
        return true;
    }

    protected override void Record(DeliveryStatus status, int attempts, string? error) =>
        State.Delivery = State.Delivery! with
        {
            Status = status,
            Attempts = attempts,
            LastError = status == DeliveryStatus.Sent ? null : error,
            SentAt = status == DeliveryStatus.Sent ? Clock.GetUtcNow() : State.Delivery.SentAt,
        };

    protected override async Task<SendGate> GateAsync()
    {
        var message = State.Message!;
        if (message.Kind == SmsKind.Manual)
        {
            return await Recipient.IsOptedOutAsync() ? SendGate.Skip(OptedOut) : SendGate.Open;
        }

        if (await Recipient.IsOptedOutAsync())
        {
            return SendGate.Skip(OptedOut);
        }

        var quiet = message.QuietHours ?? await CampaignQuietHoursAsync(message.CampaignId) ?? rules.Value.DefaultQuietHours;
        if (quiet is not null && message.TimeZone is { } zone && quiet.DeferredUntil(Clock.GetUtcNow(), zone) is { } until)
        {
            return SendGate.Defer(until);
        }

        var cap = rules.Value.FrequencyCap;
        return await Recipient.ClaimAutomatedAsync(message.Key, cap.Count, cap.Window) switch
        {
            SmsPermit.OptedOut => SendGate.Skip(OptedOut),
            SmsPermit.Capped => SendGate.Skip($"The recipient's frequency cap ({cap.Count} automated SMS within {cap.Window.TotalHours:0.#} hours) is reached."),
            _ => SendGate.Open,
        };
    }

    /// <summary>The quiet hours of the campaign the message is sent for, as the campaign stands now; null when it names none or the campaign has none of its own.</summary>
    private async Task<QuietHours?> CampaignQuietHoursAsync(string? campaignId) =>
        campaignId is null ? null : (await GrainFactory.GetGrain<ICampaignGrain>(campaignId).GetAsync())?.Value.SmsQuietHours();

    protected override async Task<TransportOutcome> DeliverAsync(CancellationToken cancellationToken)
    {
        var message = State.Message!;
        try
        {
            var gatewayId = await transport.SendAsync(new SmsDispatch(Key, message.Sender, message.To, message.Text), cancellationToken);
            State.Delivery = State.Delivery! with { GatewayId = gatewayId };
            return TransportOutcome.Accepted;
        }
        catch (SmsTransportException ex)
        {
            if (ex.IsOptOut)
            {
                await Recipient.OptOutAsync($"The gateway refused the number as opted out: {ex.Message}");
            }

            return new TransportOutcome(ex.Message, ex.IsPermanent);
        }
    }

    protected override MessageLogEntry LogEntry()
    {
        var message = State.Message!;
        var delivery = State.Delivery!;
        return new MessageLogEntry(
            Key,
            MessageLogEntry.Sms,
            message.Key,
            message.Context?.CustomerId,
            message.Context?.OrderNumber,
            message.Context?.CallId,
            message.Context?.TemplateVersion,
            message.To.Length == 0 ? [] : [message.To],
            null,
            message.Text,
            null,
            delivery.Status,
            [.. State.History],
            delivery.QueuedAt,
            State.History.Count + delivery.Attempts);
    }

    private const string OptedOut = "The recipient is on the SMS opt-out list.";

    /// <summary>A message recorded as not sent needs its key and the reason; its recipient may be unknown (its template is gone).</summary>
    private void ValidateSkipped(SmsMessage message, string reason)
    {
        ArgumentNullException.ThrowIfNull(message);
        var validator = new Validator();
        if (validator.Required("key", message.Key) && !string.Equals(OutboxRules.SmsMessageIdFor(message.Key), Key, StringComparison.Ordinal))
        {
            validator.Add("key", $"must be the key of the outbox entry '{Key}'.");
        }

        validator.Required("reason", reason);
        validator.ThrowIfInvalid();
    }

    private void Validate(SmsMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var validator = new Validator();
        if (validator.Required("key", message.Key) && !string.Equals(OutboxRules.SmsMessageIdFor(message.Key), Key, StringComparison.Ordinal))
        {
            validator.Add("key", $"must be the key of the outbox entry '{Key}'.");
        }

        validator.Phone("to", message.To);
        validator.Required("text", message.Text);
        if (message.TimeZone is not null)
        {
            validator.TimeZone("timeZone", message.TimeZone);
        }

        validator.ThrowIfInvalid();
    }
}
