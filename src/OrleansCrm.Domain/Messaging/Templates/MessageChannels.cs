namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>The channels a template is written for, spelled as the API spells them.</summary>
public static class MessageChannels
{
    public const string Email = "email";
    public const string Sms = "sms";
}
