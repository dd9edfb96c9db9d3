namespace OrleansCrm.Domain.Payments;

/// <summary>What a payment provider answered. <see cref="Unknown"/> means the outcome is not known (a timeout): ask again with the same key, never charge again.</summary>
public enum PaymentStatus
{
    Approved,
    Declined,
    HardDeclined,
    Unknown,
}
