using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Payments;
using OrleansCrm.Grains.Telemetry;

namespace OrleansCrm.Infrastructure.Telemetry;

/// <summary>The one way money moves, counted: every charge and refund the provider answered, by result, and the money it approved, by currency.</summary>
public sealed class MeteredPaymentGateway(IPaymentGateway inner) : IPaymentGateway
{
    public IPaymentGateway Inner => inner;

    public Task<CardOnFile> DescribeCardAsync(string provider, string cardToken, CancellationToken cancellationToken = default) =>
        inner.DescribeCardAsync(provider, cardToken, cancellationToken);

    public async Task<PaymentResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken = default)
    {
        var result = await inner.ChargeAsync(request, cancellationToken).ConfigureAwait(false);
        CrmMetrics.Payment("charge", result);
        return result;
    }

    public async Task<PaymentResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken = default)
    {
        var result = await inner.RefundAsync(request, cancellationToken).ConfigureAwait(false);
        CrmMetrics.Payment("refund", result);
        return result;
    }

    public Task<PaymentResult?> LookupAsync(string provider, string idempotencyKey, CancellationToken cancellationToken = default) =>
        inner.LookupAsync(provider, idempotencyKey, cancellationToken);
}
