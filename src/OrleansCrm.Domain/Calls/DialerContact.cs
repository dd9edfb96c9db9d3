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
    long ImportSequence = 0)
{
    /// <summary>Why a customer called directly is a contact the dialer does not hand out (until an outcome says so).</summary>
    public const string NotQueuedReason = "not-queued";

    /// <summary>An imported lead becomes a fresh contact, due now, in its own time zone or the campaign's, numbered in import order.</summary>
    public static DialerContact Fresh(string campaignId, Lead lead, string campaignTimeZone, DateTimeOffset now, long importSequence) => new(
        campaignId, lead.Id!, lead.Phone!, lead.TimeZone ?? campaignTimeZone, lead.Name, lead.Email, lead.CustomerId, lead.OrderNumber,
        DialStage.Fresh, now, null, 0, null, now, 1, importSequence);

    /// <summary>A customer called directly becomes a contact of the campaign (keyed by the customer id), not queued for the dialer until an outcome says so.</summary>
    public static DialerContact CalledDirectly(
        string campaignId, string contactId, string customerId, Customers.CustomerProfile profile, string? orderNumber, DateTimeOffset now) => new(
        campaignId, contactId, profile.Phone, profile.TimeZone, profile.Name, profile.Email, customerId, orderNumber,
        DialStage.Done, now, null, 0, NotQueuedReason, now, 1);
}
