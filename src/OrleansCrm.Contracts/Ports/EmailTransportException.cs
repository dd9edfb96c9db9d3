
namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// A delivery that did not happen. <see cref="IsPermanent"/> says that trying again cannot help (the
/// server refused the message or its recipient); otherwise the outbox tries again later.
/// </summary>
public sealed class EmailTransportException : Exception
{
    public EmailTransportException(string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException)
    {
        IsPermanent = isPermanent;
    }

    public EmailTransportException()
        : this("The email could not be delivered.", isPermanent: false)
    {
    }

    public EmailTransportException(string message)
        : this(message, isPermanent: false)
    {
    }

    public EmailTransportException(string message, Exception innerException)
        : this(message, isPermanent: false, innerException)
    {
    }

    /// <summary>True when the transport refused the message for good (an SMTP 5xx reply, a malformed address).</summary>
    public bool IsPermanent { get; }
}
