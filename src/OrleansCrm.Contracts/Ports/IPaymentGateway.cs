using OrleansCrm.Domain.Payments;

namespace OrleansCrm.Contracts.Ports;

/// <summary>
/// The one way money moves. Every call carries an idempotency key derived from the order and the
/// workflow event (and the attempt): the provider returns the first result for a key it has seen,
/// so a repeated call never charges twice. An <see cref="PaymentStatus.Unknown"/> outcome is
/// resolved with <see cref="LookupAsync"/> and the same key.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>The card behind a provider token; a token the provider does not know is a validation problem on <c>cardToken</c>.</summary>
    Task<CardOnFile> DescribeCardAsync(string provider, string cardToken, CancellationToken cancellationToken = default);

    Task<PaymentResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken = default);

    Task<PaymentResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken = default);

    /// <summary>What happened to the call made with this key, or null when the provider never received it.</summary>
    Task<PaymentResult?> LookupAsync(string provider, string idempotencyKey, CancellationToken cancellationToken = default);
}
