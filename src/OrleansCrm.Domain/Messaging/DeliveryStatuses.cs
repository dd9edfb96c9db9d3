namespace OrleansCrm.Domain.Messaging;

/// <summary>
/// The one status rule of the outbox, for every channel: a message only moves forward. <c>Queued → Sent → Delivered</c>,
/// or to <c>Failed</c>, <c>Undeliverable</c> or <c>Skipped</c>; a final status never changes again, so a duplicated or
/// late report (a "sent" after a "delivered") changes nothing.
/// </summary>
public static class DeliveryStatuses
{
    /// <summary>True for a status nothing moves on from.</summary>
    public static bool IsFinal(DeliveryStatus status) =>
        status is DeliveryStatus.Delivered or DeliveryStatus.Undeliverable or DeliveryStatus.Failed or DeliveryStatus.Skipped;

    /// <summary>True when a message at <paramref name="current"/> may move to <paramref name="next"/>.</summary>
    public static bool CanMove(DeliveryStatus current, DeliveryStatus next) =>
        !IsFinal(current) && Rank(next) > Rank(current);

    private static int Rank(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Queued => 0,
        DeliveryStatus.Sent => 1,
        _ => 2,
    };
}
