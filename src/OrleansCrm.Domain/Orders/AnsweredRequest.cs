
namespace OrleansCrm.Domain.Orders;

/// <summary>A client request the order has answered: its scope key and fingerprint, so a retry finds the first answer.</summary>
public sealed record AnsweredRequest(string Key, string Fingerprint, DateTimeOffset At);
