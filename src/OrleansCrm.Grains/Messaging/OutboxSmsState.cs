using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;
using OrleansCrm.Grains.Scheduling;

namespace OrleansCrm.Grains.Messaging;

[GenerateSerializer, Alias("OrleansCrm.OutboxSmsState")]
public sealed class OutboxSmsState
{
    /// <summary>The message as first recorded under the key.</summary>
    [Id(0)]
    public SmsMessage? Message { get; set; }

    /// <summary>Where it stands; null until the key is recorded.</summary>
    [Id(1)]
    public SmsDelivery? Delivery { get; set; }

    /// <summary>When the next attempt falls due while the message is queued (a retry, the end of quiet hours); null otherwise.</summary>
    [Id(2)]
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Every status the message went through, for the message log.</summary>
    [Id(3)]
    public List<MessageStatusChange> History { get; set; } = [];

    /// <summary>What the outbox's reminder is armed for, stored with the retry it was planned for.</summary>
    [Id(4)]
    public ArmedDueWork Armed { get; set; } = new();
}
