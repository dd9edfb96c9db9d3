namespace OrleansCrm.Testing;

/// <summary>
/// One completed DATA exchange and the reply code the sink gave it (250 accepted, 451 or 550 refused), whether the
/// session ran over TLS and who had logged in (null without AUTH).
/// </summary>
public sealed record SmtpTransaction(ReceivedEmail Email, int ReplyCode, bool Secure = false, string? AuthenticatedUser = null);
