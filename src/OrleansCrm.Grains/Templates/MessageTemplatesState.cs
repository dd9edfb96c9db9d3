namespace OrleansCrm.Grains.Templates;

/// <summary>The persisted state of a campaign's message templates: each template id with its latest version (a deleted one keeps its version number, without a template).</summary>
[GenerateSerializer, Alias("OrleansCrm.MessageTemplatesState")]
public sealed class MessageTemplatesState
{
    [Id(0)]
    public Dictionary<string, StoredTemplateEntry> Templates { get; set; } = new(StringComparer.Ordinal);
}
