namespace OrleansCrm.Domain.Messaging;

/// <summary>
/// What a message is about, for the message log: the customer, the order, the call, and the template version it was
/// rendered from (null for a built-in text or a manual message).
/// </summary>
public sealed record MessageContext(string? CustomerId, string? OrderNumber, string? CallId, string? TemplateVersion = null);
