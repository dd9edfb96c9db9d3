namespace OrleansCrm.Contracts;

/// <summary>The key of the <see cref="IReminderReplanGrain"/> of one saved template version.</summary>
public static class ReminderReplanKeys
{
    public static string Of(string campaignId, string templateId, long version) => $"{campaignId}/{templateId}/v{version}";
}
