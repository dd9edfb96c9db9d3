namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>Who a message comes from: for email an address and a display name; for SMS a sender id (up to 11 letters or digits) or an E.164 number.</summary>
public sealed record TemplateSender(string? Address, string? Name);
