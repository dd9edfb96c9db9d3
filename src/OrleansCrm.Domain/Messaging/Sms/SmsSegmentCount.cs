namespace OrleansCrm.Domain.Messaging.Sms;

/// <summary>
/// What a text costs as an SMS: its encoding, how many septets (GSM-7) or UTF-16 code units (UCS-2) it takes,
/// how many segments that is, and the first character that forced UCS-2 with its index in UTF-16 code units
/// (null and -1 under GSM-7).
/// </summary>
public sealed record SmsSegmentCount(SmsEncoding Encoding, int Units, int Segments, string? ForcedUcs2By, int ForcedUcs2At);
