namespace OrleansCrm.Contracts.Ports;

/// <summary>One SMS as the transport carries it: the outbox's client message id (idempotency), sender, E.164 recipient, text.</summary>
public sealed record SmsDispatch(string ClientMessageId, string? From, string To, string Text);
