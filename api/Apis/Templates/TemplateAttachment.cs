namespace OrleansCrm.Api.Apis;

/// <summary>A file sent with a template's email (email only; <c>content</c> in base64, size-capped).</summary>
public sealed record TemplateAttachment(string? FileName, string? ContentType, byte[]? Content)
{
    public static TemplateAttachment From(Domain.Messaging.Templates.TemplateAttachment a) => new(a.FileName, a.ContentType, a.Content);

    public Domain.Messaging.Templates.TemplateAttachment ToDomain() => new(FileName, ContentType, Content);
}
