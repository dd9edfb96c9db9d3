namespace OrleansCrm.Contracts;

public static class ContactKeys
{
    public static string For(string campaignId, string contactId) => campaignId + "/" + contactId;
}
