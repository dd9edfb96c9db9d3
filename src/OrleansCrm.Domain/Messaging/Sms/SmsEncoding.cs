namespace OrleansCrm.Domain.Messaging.Sms;

/// <summary>The alphabet an SMS is sent in: GSM-7 when every character is in the GSM 03.38 default alphabet (basic set or extension table), else UCS-2.</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
