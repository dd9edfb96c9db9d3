namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>A file sent with every email of a template (email only; all of a template's attachments together are capped by <see cref="MessageTemplate.MaxAttachmentBytes"/>).</summary>
public sealed record TemplateAttachment(string? FileName, string? ContentType, byte[]? Content);
