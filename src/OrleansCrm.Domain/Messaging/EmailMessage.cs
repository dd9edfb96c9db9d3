namespace OrleansCrm.Domain.Messaging;

/// <summary>
/// An email to send. <paramref name="Key"/> is stable for the business event (order, workflow event,
/// send number): the outbox sends each key at most once. <paramref name="Owner"/>, when given, is told
/// where the message stands after each attempt (see <see cref="EmailOwner"/>). <paramref name="Context"/> says what
/// it is about, for the message log.
/// </summary>
public sealed record EmailMessage(string Key, string To, string? ToName, string Subject, string TextBody, string? HtmlBody = null, EmailOwner? Owner = null, MessageContext? Context = null);
