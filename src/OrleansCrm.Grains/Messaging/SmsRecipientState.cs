namespace OrleansCrm.Grains.Messaging;

[GenerateSerializer, Alias("OrleansCrm.SmsRecipientState")]
public sealed class SmsRecipientState
{
    /// <summary>On the opt-out list: no automated or manual SMS goes to the number.</summary>
    [Id(0)]
    public bool OptedOut { get; set; }

    /// <summary>Why it is on the list (a STOP reply, the gateway's opt-out code), while it is.</summary>
    [Id(1)]
    public string? OptOutReason { get; set; }

    [Id(2)]
    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>The automated SMS that went to the number within the cap's window, by message key.</summary>
    [Id(3)]
    public Dictionary<string, DateTimeOffset> RecentSends { get; set; } = [];
}
