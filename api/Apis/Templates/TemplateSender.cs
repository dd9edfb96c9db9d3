namespace OrleansCrm.Api.Apis;

/// <summary>Who a template's messages come from: an email address and name, or an SMS sender id or E.164 number (in <c>address</c>).</summary>
public sealed record TemplateSender(string? Address, string? Name)
{
    public static TemplateSender? From(Domain.Messaging.Templates.TemplateSender? s) => s is null ? null : new(s.Address, s.Name);

    public Domain.Messaging.Templates.TemplateSender ToDomain() => new(Address, Name);
}
