namespace OrleansCrm.Domain.Messaging.Sms;

public enum SmsKind
{
    /// <summary>Sent by the CRM on an event: checks the opt-out list, the quiet hours and the frequency cap.</summary>
    Automated,

    /// <summary>Typed by a person on the customer card: checks the opt-out list only (the sender chose the moment).</summary>
    Manual,
}
