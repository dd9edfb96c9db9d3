namespace OrleansCrm.Contracts;

public static class ContactKeys
{
    public static string For(string campaignId, string contactId) => campaignId + "/" + contactId;

    /// <summary>The campaign and the contact a key names (a campaign id, a path segment, holds no '/'; a contact id may).</summary>
    public static (string CampaignId, string ContactId) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (key, "") : (key[..slash], key[(slash + 1)..]);
    }
}
