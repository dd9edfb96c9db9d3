namespace OrleansCrm.Domain.Messaging;

/// <summary>
/// The order workflow event an email belongs to. Sending only records the message; the outbox delivers it on its
/// own tick and then tells this order where it stands (sent, failed, or queued for a retry), so the order need not
/// wait for the transport. The order's own re-check of a queued email stays the backstop for a lost report.
/// </summary>
public sealed record EmailOwner(string OrderNumber, string WorkflowEventId);
