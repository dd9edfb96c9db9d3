using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Contracts.Wire.Templates;

/// <summary>A <see cref="TemplateAttachment"/> (its bytes included) as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.TemplateAttachment.v1")]
public readonly record struct TemplateAttachmentSurrogate(
    [property: Id(0)] string? FileName,
    [property: Id(1)] string? ContentType,
    [property: Id(2)] byte[]? Content);

/// <summary>Turns a <see cref="TemplateAttachment"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class TemplateAttachmentConverter : IConverter<TemplateAttachment, TemplateAttachmentSurrogate>
{
    public TemplateAttachment ConvertFromSurrogate(in TemplateAttachmentSurrogate s) => new(s.FileName, s.ContentType, s.Content);

    public TemplateAttachmentSurrogate ConvertToSurrogate(in TemplateAttachment m) => new(m.FileName, m.ContentType, m.Content);
}
