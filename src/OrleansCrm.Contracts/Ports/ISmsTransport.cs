namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// Hands one SMS to a real transport (the HTTP SMS gateway, a pickup folder). Only the SMS outbox calls it: the
/// outbox decides whether a message may go out (opt-outs, quiet hours, the cap), the transport only carries it.
/// </summary>
public interface ISmsTransport
{
    /// <summary>
    /// Sends <paramref name="sms"/> and returns the transport's id for it. The same <see cref="SmsDispatch.ClientMessageId"/>
    /// sent twice is one message to the gateway. Throws <see cref="SmsTransportException"/> on failure.
    /// </summary>
    Task<string> SendAsync(SmsDispatch sms, CancellationToken ct);
}
