using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Contracts.Messaging;

/// <summary>
/// The settings of automated SMS: the quiet hours used when a message brings none of its own (its campaign's), and the
/// per-recipient frequency cap. Read from <c>Sms:QuietHours</c> ("21:00-08:00"; empty for none), <c>Sms:FrequencyCap</c>
/// (a count, 0 for none) and <c>Sms:FrequencyWindowHours</c>.
/// </summary>
public sealed class SmsRules
{
    public QuietHours? DefaultQuietHours { get; set; } = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    public FrequencyCap FrequencyCap { get; set; } = new(3, TimeSpan.FromHours(24));
}
