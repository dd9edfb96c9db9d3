namespace OrleansCrm.Contracts.Messaging;

/// <summary>
/// One phone number (E.164) as the SMS outbox sees it: on the opt-out list or not, and when automated SMS last went to
/// it (for the frequency cap). A grain per number, stored like every grain (in PostgreSQL in that profile).
/// </summary>
[Alias("OrleansCrm.ISmsRecipientGrain")]
public interface ISmsRecipientGrain : IGrainWithStringKey
{
    /// <summary>Puts the number on the opt-out list (a STOP reply, the gateway's opt-out error code); idempotent.</summary>
    [Alias("OptOut")]
    Task OptOutAsync(string reason);

    /// <summary>Lifts the opt-out (a START reply); idempotent.</summary>
    [Alias("OptIn")]
    Task OptInAsync();

    [Alias("IsOptedOut")]
    Task<bool> IsOptedOutAsync();

    /// <summary>
    /// Whether the automated message <paramref name="messageKey"/> may go now: not when opted out, not over the cap of
    /// <paramref name="capCount"/> within <paramref name="capWindow"/>. An allowed claim counts against the cap, once per key.
    /// </summary>
    [Alias("ClaimAutomated")]
    Task<SmsPermit> ClaimAutomatedAsync(string messageKey, int capCount, TimeSpan capWindow);
}
