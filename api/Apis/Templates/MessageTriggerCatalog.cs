using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Api.Apis;

/// <summary>The fixed triggers with the variables each offers and the fields its constraints may test, the named formats of instants, and the recipient fields.</summary>
public sealed record MessageTriggerCatalog(
    IReadOnlyList<MessageTrigger> Triggers,
    IReadOnlyDictionary<string, string> InstantFormats,
    IReadOnlyDictionary<string, string> RecipientFields)
{
    public static MessageTriggerCatalog Current { get; } = new(TriggerCatalog.All.Select(MessageTrigger.From).ToList(), TriggerCatalog.InstantFormats, TriggerCatalog.RecipientFields);
}
