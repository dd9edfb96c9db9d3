namespace OrleansCrm.Domain.Payments;

/// <summary>A charge of <paramref name="AmountMinor"/> (minor units of <paramref name="Currency"/>) on a provider's card token, under an idempotency key derived from the order and the event.</summary>
public sealed record ChargeRequest(string Provider, string IdempotencyKey, string CardToken, long AmountMinor, string Currency, string Description);
