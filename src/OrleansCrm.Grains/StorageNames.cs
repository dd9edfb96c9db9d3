namespace OrleansCrm.Grains;

/// <summary>Where grain state lives. Each state name is unique: the ADO.NET provider keys rows by it.</summary>
public static class StorageNames
{
    public const string Crm = "crm";

    public const string OfferState = "offer";
    public const string CampaignState = "campaign";
    public const string CustomerState = "customer";
}
