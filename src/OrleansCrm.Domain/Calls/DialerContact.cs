namespace OrleansCrm.Domain.Calls;

/// <summary>
/// One contact of a campaign as the dialer sees it: who to call and in which zone, where it stands,
/// when it is due next, whose private callback it is (null for public), how many attempts were made,
/// why calling ended (when done), and its place in its campaign's import order (<paramref name="ImportSequence"/>:
/// 1, 2, 3… as leads are imported; 0 for a contact that was not imported, or was stored before the sequence existed).
/// Small on purpose: it travels on every outcome from the contact to the dialer.
/// </summary>
public sealed record DialerContact(
    string CampaignId,
    string ContactId,
    string Phone,
    string TimeZone,
    string? Name,
    string? Email,
    string? CustomerId,
    string? OrderNumber,
    DialStage Stage,
    DateTimeOffset DueAt,
    string? CallbackOwner,
    int Attempts,
    string? DoneReason,
    DateTimeOffset ImportedAt,
    long Version,
    long ImportSequence = 0);
