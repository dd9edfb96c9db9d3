using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// A hand-out of dialer/next: the lease (start the call with it before it expires), why this contact
/// (private-callback, callback, retry, new), the attempt number the call will have, and the contact.
/// </summary>
public sealed record DialerHandOutView(string LeaseId, DateTimeOffset ExpiresAt, HandOutReason Why, string AgentId, int Attempt, DialerContactView Contact);
