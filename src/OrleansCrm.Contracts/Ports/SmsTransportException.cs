namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// An SMS that did not go out. <see cref="IsPermanent"/> says trying again cannot help (a 4xx answer of the gateway);
/// <see cref="IsOptOut"/> that the gateway refused because the recipient opted out there (the number then joins the
/// CRM's opt-out list). Otherwise (429, 5xx, a timeout) the outbox tries again later.
/// </summary>
public sealed class SmsTransportException : Exception
{
    public SmsTransportException(string message, bool isPermanent, bool isOptOut = false, Exception? innerException = null)
        : base(message, innerException)
    {
        IsPermanent = isPermanent || isOptOut;
        IsOptOut = isOptOut;
    }

    public SmsTransportException()
        : this("The SMS could not be sent.", isPermanent: false)
    {
    }

    public SmsTransportException(string message)
        : this(message, isPermanent: false)
    {
    }

    public SmsTransportException(string message, Exception innerException)
        : this(message, isPermanent: false, isOptOut: false, innerException)
    {
    }

    public bool IsPermanent { get; }

    public bool IsOptOut { get; }
}
