using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Grains.Templates;

/// <summary>One template id in a campaign's store: its template (null once deleted), the version of its last save, and when that was.</summary>
[GenerateSerializer, Alias("OrleansCrm.StoredTemplateEntry")]
public sealed class StoredTemplateEntry
{
    [Id(0)]
    public MessageTemplate? Template { get; set; }

    [Id(1)]
    public long Version { get; set; }

    [Id(2)]
    public DateTimeOffset UpdatedAt { get; set; }
}
