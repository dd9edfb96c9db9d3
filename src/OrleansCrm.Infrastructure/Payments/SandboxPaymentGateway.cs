using OrleansCrm.Contracts.Scheduling;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Payments;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.Payments;

/// <summary>
/// The built-in payment provider <c>sandbox</c>. It behaves like a real one, driven by test tokens
/// (<see cref="SandboxTokens"/>): it approves, declines, hard-declines or times out; it keeps every
/// answer in its ledger under the caller's idempotency key and answers a repeated key with the first
/// result, moving no money; it refunds no more than was charged.
/// </summary>
public sealed partial class SandboxPaymentGateway(ISandboxLedger ledger, CrmClock clock, ILogger<SandboxPaymentGateway> logger) : IPaymentGateway
{
    public const int KeyMaxLength = 255;
    public const int TokenMaxLength = 255;

    private const string ChargeIdPrefix = "sbx_ch_";
    private const string RefundIdPrefix = "sbx_re_";

    private enum Behaviour
    {
        Approve,
        Decline,
        InsufficientFunds,
        StolenCard,
        Timeout,
        DeclineThenApprove,
        ApproveThenDecline,
        ApproveThenDeclineOnce,
        ApproveThenStolen,
    }

    private sealed record TestCard(string Prefix, Behaviour Behaviour, CardOnFile Card);

    // Matched in this order by prefix: tok_decline_then_approve must come before tok_decline, which it also starts with.
    private static readonly TestCard[] TestCards =
    [
        new(SandboxTokens.DeclineThenApprove, Behaviour.DeclineThenApprove, new CardOnFile("Visa", "3220", 12, 2030)),
        new(SandboxTokens.ApproveThenDeclineOnce, Behaviour.ApproveThenDeclineOnce, new CardOnFile("Visa", "0341", 12, 2030)),
        new(SandboxTokens.ApproveThenDecline, Behaviour.ApproveThenDecline, new CardOnFile("Visa", "0002", 12, 2030)),
        new(SandboxTokens.ApproveThenStolen, Behaviour.ApproveThenStolen, new CardOnFile("Visa", "0119", 12, 2030)),
        new(SandboxTokens.InsufficientFunds, Behaviour.InsufficientFunds, new CardOnFile("Visa", "9995", 12, 2030)),
        new(SandboxTokens.StolenCard, Behaviour.StolenCard, new CardOnFile("Visa", "0019", 12, 2030)),
        new(SandboxTokens.Approve, Behaviour.Approve, new CardOnFile("Visa", "4242", 12, 2030)),
        new(SandboxTokens.Decline, Behaviour.Decline, new CardOnFile("Mastercard", "4444", 12, 2030)),
        new(SandboxTokens.Timeout, Behaviour.Timeout, new CardOnFile("Visa", "1881", 12, 2030)),
    ];

    public Task<CardOnFile> DescribeCardAsync(string provider, string cardToken, CancellationToken cancellationToken = default)
    {
        RequireSandbox(provider);
        var v = new Validator();
        var card = CheckToken(v, cardToken);
        v.ThrowIfInvalid();
        return Task.FromResult(card!.Card);
    }

    public async Task<PaymentResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireSandbox(request.Provider);
        var v = new Validator();
        CheckKey(v, request.IdempotencyKey);
        var card = CheckToken(v, request.CardToken);
        CheckAmount(v, request.AmountMinor, request.Currency);
        v.Text("description", request.Description, Validator.ShortTextMaxLength);
        v.ThrowIfInvalid();

        var countsEarlier = card!.Behaviour is Behaviour.DeclineThenApprove or Behaviour.ApproveThenDecline or Behaviour.ApproveThenDeclineOnce or Behaviour.ApproveThenStolen;
        var write = await ledger.RecordChargeAsync(request.IdempotencyKey, request.CardToken, countsEarlier, earlier => DecideCharge(request, card, earlier), cancellationToken);
        var entry = write.Entry;
        if (entry.Kind != SandboxEntryKind.Charge)
        {
            throw DomainException.Conflict("Idempotency key already used", "This idempotency key was used for a refund; a charge needs a key of its own.");
        }

        if (!write.Recorded)
        {
            LogReplayed(logger, "charge", new LoggedKey(entry.IdempotencyKey), entry.Result.Status, entry.Result.TransactionId);
            return entry.Result;
        }

        LogCharged(logger, new LoggedKey(entry.IdempotencyKey), entry.Result.Status, entry.Result.TransactionId, entry.Result.AmountMinor, entry.Result.Currency, card!.Card.Last4, entry.Result.DeclineCode);
        if (card.Behaviour != Behaviour.Timeout)
        {
            return entry.Result;
        }

        // The money moved, but the answer never arrived: the caller must ask again with the same key.
        LogTimedOut(logger, new LoggedKey(entry.IdempotencyKey));
        return entry.Result with { Status = PaymentStatus.Unknown, TransactionId = null, DeclineCode = null, DeclineReason = null };
    }

    public async Task<PaymentResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireSandbox(request.Provider);
        var v = new Validator();
        CheckKey(v, request.IdempotencyKey);
        if (v.Text("chargeTransactionId", request.ChargeTransactionId, KeyMaxLength, required: true)
            && !request.ChargeTransactionId.StartsWith(ChargeIdPrefix, StringComparison.Ordinal))
        {
            v.Add("chargeTransactionId", $"is not a charge of provider {PaymentProviders.Sandbox} (its charges start with '{ChargeIdPrefix}').");
        }

        CheckAmount(v, request.AmountMinor, request.Currency);
        v.Text("reason", request.Reason, Validator.ShortTextMaxLength);
        v.ThrowIfInvalid();

        var write = await ledger.RecordRefundAsync(request.IdempotencyKey, request.ChargeTransactionId, (charge, refunded) => DecideRefund(request, charge, refunded), cancellationToken);
        var entry = write.Entry;
        if (entry.Kind != SandboxEntryKind.Refund)
        {
            throw DomainException.Conflict("Idempotency key already used", "This idempotency key was used for a charge; a refund needs a key of its own.");
        }

        if (write.Recorded)
        {
            LogRefunded(logger, new LoggedKey(entry.IdempotencyKey), entry.Result.TransactionId, request.ChargeTransactionId, entry.Result.AmountMinor, entry.Result.Currency);
        }
        else
        {
            LogReplayed(logger, "refund", new LoggedKey(entry.IdempotencyKey), entry.Result.Status, entry.Result.TransactionId);
        }

        return entry.Result;
    }

    public async Task<PaymentResult?> LookupAsync(string provider, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        RequireSandbox(provider);
        var v = new Validator();
        CheckKey(v, idempotencyKey);
        v.ThrowIfInvalid();
        return (await ledger.FindAsync(idempotencyKey, cancellationToken))?.Result;
    }

    private SandboxLedgerEntry DecideCharge(ChargeRequest request, TestCard card, int earlierChargesWithToken)
    {
        var (status, code, reason) = card.Behaviour switch
        {
            Behaviour.Approve or Behaviour.Timeout => (PaymentStatus.Approved, null, null),
            Behaviour.Decline => Declined(),
            Behaviour.InsufficientFunds => (PaymentStatus.Declined, "insufficient_funds", "The card has insufficient funds."),
            Behaviour.StolenCard => (PaymentStatus.HardDeclined, "stolen_card", "The card was reported stolen."),
            Behaviour.DeclineThenApprove => earlierChargesWithToken == 0 ? Declined() : (PaymentStatus.Approved, null, null),
            Behaviour.ApproveThenDecline => earlierChargesWithToken == 0 ? (PaymentStatus.Approved, null, null) : Declined(),
            Behaviour.ApproveThenDeclineOnce => earlierChargesWithToken == 1 ? Declined() : (PaymentStatus.Approved, null, null),
            Behaviour.ApproveThenStolen => earlierChargesWithToken == 0 ? (PaymentStatus.Approved, null, null) : (PaymentStatus.HardDeclined, "stolen_card", "The card was reported stolen."),
            _ => throw new InvalidOperationException($"No rule for {card.Behaviour}."),
        };
        var result = new PaymentResult(status, PaymentProviders.Sandbox, request.IdempotencyKey, NewId(ChargeIdPrefix), request.AmountMinor, request.Currency, code, reason, Now());
        return SandboxLedgerEntry.Charge(result, request.CardToken);

        static (PaymentStatus, string?, string?) Declined() => (PaymentStatus.Declined, "card_declined", "The card was declined.");
    }

    private SandboxLedgerEntry DecideRefund(RefundRequest request, SandboxLedgerEntry? charge, long refundedSoFar)
    {
        if (charge is null)
        {
            throw DomainException.Conflict("Refund refused", $"There is no charge '{request.ChargeTransactionId}' at provider {PaymentProviders.Sandbox}.");
        }

        if (charge.Result.Status != PaymentStatus.Approved)
        {
            throw DomainException.Conflict("Refund refused", $"Charge '{request.ChargeTransactionId}' was not approved ({charge.Result.Status}); nothing can be refunded.");
        }

        if (!string.Equals(charge.Result.Currency, request.Currency, StringComparison.Ordinal))
        {
            throw DomainException.Conflict("Refund refused", $"Charge '{request.ChargeTransactionId}' was made in {charge.Result.Currency}; a refund of it must be too.");
        }

        var left = charge.Result.AmountMinor - refundedSoFar;
        if (request.AmountMinor > left)
        {
            throw DomainException.Conflict(
                "Refund refused",
                $"Charge '{request.ChargeTransactionId}' was {charge.Result.AmountMinor} and {refundedSoFar} of it is refunded already; at most {left} (minor units of {charge.Result.Currency}) can still be refunded.");
        }

        var result = new PaymentResult(PaymentStatus.Approved, PaymentProviders.Sandbox, request.IdempotencyKey, NewId(RefundIdPrefix), request.AmountMinor, request.Currency, null, null, Now());
        return SandboxLedgerEntry.Refund(result, request.ChargeTransactionId);
    }

    private static void RequireSandbox(string? provider)
    {
        if (!string.Equals(provider, PaymentProviders.Sandbox, StringComparison.Ordinal))
        {
            throw DomainException.Invalid(new Dictionary<string, string[]>
            {
                ["provider"] = [$"This gateway serves payment provider '{PaymentProviders.Sandbox}' only."],
            });
        }
    }

    private static void CheckKey(Validator v, string? idempotencyKey) =>
        v.Text("idempotencyKey", idempotencyKey, KeyMaxLength, required: true);

    // The token's value is never echoed: a caller who pasted a card number must not see it again in an error.
    private static TestCard? CheckToken(Validator v, string? cardToken)
    {
        if (string.IsNullOrWhiteSpace(cardToken))
        {
            v.Add("cardToken", "is required.");
            return null;
        }

        if (CardNumbers.LooksLikePan(cardToken))
        {
            v.Add("cardToken", "must be a payment provider's token, never a card number.");
            return null;
        }

        var card = cardToken.Length <= TokenMaxLength
            ? Array.Find(TestCards, c => cardToken.StartsWith(c.Prefix, StringComparison.Ordinal))
            : null;
        if (card is null)
        {
            v.Add("cardToken", $"is not a token of provider {PaymentProviders.Sandbox}.");
        }

        return card;
    }

    private static void CheckAmount(Validator v, long amountMinor, string? currencyCode)
    {
        if (!v.Currency("currency", currencyCode))
        {
            return;
        }

        var currency = Currency.Get(currencyCode!);
        if (amountMinor <= 0 || currency.FromMinorUnits(amountMinor) > Currency.MaxAmount)
        {
            v.Add("amountMinor", $"must be more than 0 and at most {Currency.MaxAmount} {currency.Code}.");
        }
    }

    // Whole microseconds, as PostgreSQL keeps them: both ledgers then answer a repeated key with the very same instant.
    private DateTimeOffset Now()
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }

    private static string NewId(string prefix) => prefix + RandomNumberGenerator.GetHexString(24, lowercase: true);

    /// <summary>
    /// How a key appears in the log: the first 16 hex digits of its SHA-256. A key holds the client's own
    /// Idempotency-Key, which may be anything a client typed (a card number too), so the raw key is never logged;
    /// the digest of a ledger row's key finds its lines.
    /// </summary>
    public static string KeyDigest(string idempotencyKey) =>
        "key-" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(idempotencyKey)))[..16];

    /// <summary>A key on its way to the log: its digest is only computed when the line is written.</summary>
    private readonly record struct LoggedKey(string Key)
    {
        public override string ToString() => KeyDigest(Key);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox charge {KeyDigest}: {Status}, transaction {TransactionId}, {AmountMinor} {Currency} on card ending {Last4} (decline code {DeclineCode})")]
    private static partial void LogCharged(ILogger logger, LoggedKey keyDigest, PaymentStatus status, string? transactionId, long amountMinor, string currency, string last4, string? declineCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sandbox charge {KeyDigest} recorded, but answered as a timeout (outcome Unknown): resolve it by looking the key up")]
    private static partial void LogTimedOut(ILogger logger, LoggedKey keyDigest);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox refund {KeyDigest}: transaction {TransactionId} returns {AmountMinor} {Currency} of charge {ChargeTransactionId}")]
    private static partial void LogRefunded(ILogger logger, LoggedKey keyDigest, string? transactionId, string chargeTransactionId, long amountMinor, string currency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox {Kind} {KeyDigest} was already answered ({Status}, transaction {TransactionId}); no money moved")]
    private static partial void LogReplayed(ILogger logger, string kind, LoggedKey keyDigest, PaymentStatus status, string? transactionId);
}
