using OrleansCrm.Contracts.Scheduling;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Payments;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Infrastructure.Payments;
using OrleansCrm.Testing;

namespace OrleansCrm.Payments.Tests;

/// <summary>
/// What the sandbox provider promises, whichever store keeps its ledger. Every test works on its own
/// order number and its own tokens, so tests may share one ledger.
/// </summary>
public abstract class SandboxGatewayContract
{
    private const string Sandbox = PaymentProviders.Sandbox;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Start);
    private readonly RecordingLogger<SandboxPaymentGateway> log = new();
    private readonly string order = $"ORD-{Guid.NewGuid():N}";
    private SandboxPaymentGateway? gateway;

    protected abstract ISandboxLedger Ledger { get; }

    private SandboxPaymentGateway Gateway => gateway ??= new SandboxPaymentGateway(Ledger, new CrmClock(time), log);

    private string Key(string workflowEvent) => $"{order}:{workflowEvent}";

    private static string Token(string testToken) => $"{testToken}_{Guid.NewGuid():N}";

    private ChargeRequest Charge(string token, string workflowEvent = "sh-charge", long amountMinor = 995, string currency = "USD") =>
        new(Sandbox, Key(workflowEvent), token, amountMinor, currency, "Shipping & handling");

    private RefundRequest Refund(string chargeTransactionId, long amountMinor, string workflowEvent = "refund-1", string currency = "USD") =>
        new(Sandbox, Key(workflowEvent), chargeTransactionId, amountMinor, currency, "Customer asked");

    private async Task<string> ApprovedChargeAsync(long amountMinor = 995)
    {
        var charge = await Gateway.ChargeAsync(Charge(Token(SandboxTokens.Approve), "charge", amountMinor));
        Assert.Equal(PaymentStatus.Approved, charge.Status);
        return charge.TransactionId!;
    }

    private static async Task<DomainException> RefusedAsync(ProblemKind kind, Func<Task> call)
    {
        var refusal = await Assert.ThrowsAsync<DomainException>(call);
        Assert.Equal(kind, refusal.Kind);
        return refusal;
    }

    [Fact]
    public async Task An_approve_token_is_approved_with_a_sandbox_transaction_id_and_recorded_once()
    {
        var result = await Gateway.ChargeAsync(Charge(Token(SandboxTokens.Approve)));

        Assert.Equal(PaymentStatus.Approved, result.Status);
        Assert.StartsWith("sbx_ch_", result.TransactionId, StringComparison.Ordinal);
        Assert.Equal((Sandbox, Key("sh-charge"), 995L, "USD", Start), (result.Provider, result.IdempotencyKey, result.AmountMinor, result.Currency, result.At));
        Assert.Null(result.DeclineCode);
        Assert.Null(result.DeclineReason);
        var row = Assert.Single(await Ledger.ListAsync(order));
        Assert.Equal(SandboxEntryKind.Charge, row.Kind);
        Assert.Equal(result, row.Result);
    }

    [Fact]
    public async Task A_decline_token_is_declined_with_card_declined()
    {
        var result = await Gateway.ChargeAsync(Charge(Token(SandboxTokens.Decline)));

        Assert.Equal(PaymentStatus.Declined, result.Status);
        Assert.Equal("card_declined", result.DeclineCode);
        Assert.Equal("The card was declined.", result.DeclineReason);
        Assert.Equal(result, (await Ledger.FindAsync(Key("sh-charge")))?.Result);
    }

    [Fact]
    public async Task An_insufficient_funds_token_is_declined_with_insufficient_funds()
    {
        var result = await Gateway.ChargeAsync(Charge(Token(SandboxTokens.InsufficientFunds)));

        Assert.Equal(PaymentStatus.Declined, result.Status);
        Assert.Equal("insufficient_funds", result.DeclineCode);
        Assert.False(string.IsNullOrWhiteSpace(result.DeclineReason));
    }

    [Fact]
    public async Task A_stolen_card_token_is_hard_declined_so_it_is_never_retried()
    {
        var result = await Gateway.ChargeAsync(Charge(Token(SandboxTokens.StolenCard)));

        Assert.Equal(PaymentStatus.HardDeclined, result.Status);
        Assert.Equal("stolen_card", result.DeclineCode);
        Assert.Equal("The card was reported stolen.", result.DeclineReason);
    }

    [Fact]
    public async Task A_timeout_answers_Unknown_after_recording_the_charge_and_a_lookup_with_the_same_key_resolves_it_without_a_second_charge()
    {
        var token = Token(SandboxTokens.Timeout);

        var answered = await Gateway.ChargeAsync(Charge(token));
        var looked = await Gateway.LookupAsync(Sandbox, Key("sh-charge"));
        var lookedAgain = await Gateway.LookupAsync(Sandbox, Key("sh-charge"));

        Assert.Equal(PaymentStatus.Unknown, answered.Status);
        Assert.Null(answered.TransactionId);
        Assert.NotNull(looked);
        Assert.Equal(PaymentStatus.Approved, looked.Status);
        Assert.StartsWith("sbx_ch_", looked.TransactionId, StringComparison.Ordinal);
        Assert.Equal(995, looked.AmountMinor);
        Assert.Equal(looked, lookedAgain);
        Assert.Equal(1, await Ledger.CountAsync(Key("sh-charge")));
        Assert.Equal(1, await Ledger.CountChargesAsync(token));
    }

    [Fact]
    public async Task A_charge_repeated_after_a_timeout_with_the_same_key_gets_the_recorded_approval_and_charges_nothing_more()
    {
        var token = Token(SandboxTokens.Timeout);
        await Gateway.ChargeAsync(Charge(token));

        var repeated = await Gateway.ChargeAsync(Charge(token));

        Assert.Equal(PaymentStatus.Approved, repeated.Status);
        Assert.Equal((await Gateway.LookupAsync(Sandbox, Key("sh-charge")))!.TransactionId, repeated.TransactionId);
        Assert.Single(await Ledger.ListAsync(order));
    }

    [Fact]
    public async Task A_lookup_of_a_key_the_provider_never_received_returns_null_and_records_nothing()
    {
        Assert.Null(await Gateway.LookupAsync(Sandbox, Key("never-sent")));
        Assert.Equal(0, await Ledger.CountAsync(Key("never-sent")));
    }

    [Fact]
    public async Task Decline_then_approve_declines_the_first_charge_with_the_token_and_approves_every_later_one()
    {
        var token = Token(SandboxTokens.DeclineThenApprove);

        var first = await Gateway.ChargeAsync(Charge(token, "product-charge:attempt-1"));
        var second = await Gateway.ChargeAsync(Charge(token, "product-charge:attempt-2"));
        var third = await Gateway.ChargeAsync(Charge(token, "product-charge:attempt-3"));

        Assert.Equal((PaymentStatus.Declined, "card_declined"), (first.Status, first.DeclineCode));
        Assert.Equal(PaymentStatus.Approved, second.Status);
        Assert.Equal(PaymentStatus.Approved, third.Status);
        Assert.Equal(3, await Ledger.CountChargesAsync(token));
    }

    [Fact]
    public async Task Decline_then_approve_declines_exactly_one_charge_when_several_with_the_token_race()
    {
        var token = Token(SandboxTokens.DeclineThenApprove);

        var results = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => Task.Run(() => Gateway.ChargeAsync(Charge(token, $"race-{i}")))));

        Assert.Single(results, r => r.Status == PaymentStatus.Declined);
        Assert.Equal(9, results.Count(r => r.Status == PaymentStatus.Approved));
        Assert.Equal(10, await Ledger.CountChargesAsync(token));
    }

    [Fact]
    public async Task The_same_key_twice_returns_the_first_result_unchanged_and_leaves_one_ledger_row()
    {
        var first = await Gateway.ChargeAsync(Charge(Token(SandboxTokens.Approve)));
        time.Advance(TimeSpan.FromMinutes(5));

        var second = await Gateway.ChargeAsync(Charge(Token(SandboxTokens.Decline), amountMinor: 4999));

        Assert.Equal(first, second);
        Assert.Equal(1, await Ledger.CountAsync(Key("sh-charge")));
        Assert.Single(await Ledger.ListAsync(order));
    }

    [Fact]
    public async Task A_declined_charge_repeated_with_the_same_key_stays_declined_so_each_retry_needs_its_own_key()
    {
        var token = Token(SandboxTokens.DeclineThenApprove);

        var first = await Gateway.ChargeAsync(Charge(token, "product-charge:attempt-1"));
        var repeated = await Gateway.ChargeAsync(Charge(token, "product-charge:attempt-1"));

        Assert.Equal(PaymentStatus.Declined, first.Status);
        Assert.Equal(first, repeated);
        Assert.Equal(1, await Ledger.CountChargesAsync(token));
    }

    [Fact]
    public async Task Twenty_concurrent_charges_with_one_key_record_one_ledger_row_and_all_get_its_transaction_id()
    {
        var request = Charge(Token(SandboxTokens.Approve));

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Gateway.ChargeAsync(request))));

        Assert.Single(results.Select(r => r.TransactionId).Distinct());
        Assert.All(results, r => Assert.Equal(PaymentStatus.Approved, r.Status));
        Assert.Equal(1, await Ledger.CountAsync(request.IdempotencyKey));
        Assert.Single(await Ledger.ListAsync(order));
    }

    [Fact]
    public async Task Twenty_concurrent_charges_with_one_key_but_different_tokens_still_record_one_row()
    {
        var tokens = new[] { SandboxTokens.Approve, SandboxTokens.Decline, SandboxTokens.StolenCard, SandboxTokens.InsufficientFunds };

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => Gateway.ChargeAsync(Charge(Token(tokens[i % tokens.Length]))))));

        var stored = Assert.Single(await Ledger.ListAsync(order));
        Assert.All(results, r => Assert.Equal(stored.Result, r));
    }

    [Fact]
    public async Task A_refund_of_an_approved_charge_is_approved_and_gets_its_own_ledger_row()
    {
        var charge = await ApprovedChargeAsync();

        var refund = await Gateway.RefundAsync(Refund(charge, 995));

        Assert.Equal(PaymentStatus.Approved, refund.Status);
        Assert.StartsWith("sbx_re_", refund.TransactionId, StringComparison.Ordinal);
        Assert.Equal((995L, "USD", Start), (refund.AmountMinor, refund.Currency, refund.At));
        var row = Assert.Single(await Ledger.ListAsync(Key("refund")));
        Assert.Equal((SandboxEntryKind.Refund, charge, refund), (row.Kind, row.ChargeTransactionId, row.Result));
        Assert.Equal(2, (await Ledger.ListAsync(order)).Count);
    }

    [Fact]
    public async Task Refunds_of_a_charge_may_add_up_to_the_charge_but_never_more()
    {
        var charge = await ApprovedChargeAsync(995);
        await Gateway.RefundAsync(Refund(charge, 500, "refund-1"));
        await Gateway.RefundAsync(Refund(charge, 495, "refund-2"));

        var refusal = await RefusedAsync(ProblemKind.Conflict, () => Gateway.RefundAsync(Refund(charge, 1, "refund-3")));

        Assert.Contains("at most 0", refusal.Detail, StringComparison.Ordinal);
        Assert.Null(await Ledger.FindAsync(Key("refund-3")));
    }

    [Fact]
    public async Task A_refund_larger_than_the_charge_is_refused_and_records_nothing()
    {
        var charge = await ApprovedChargeAsync(995);

        await RefusedAsync(ProblemKind.Conflict, () => Gateway.RefundAsync(Refund(charge, 996)));

        Assert.Empty(await Ledger.ListAsync(Key("refund")));
    }

    [Fact]
    public async Task Concurrent_refunds_of_one_charge_never_add_up_to_more_than_the_charge()
    {
        var charge = await ApprovedChargeAsync(995);

        var attempts = await Task.WhenAll(Enumerable.Range(1, 10).Select(i => Task.Run<PaymentResult?>(async () =>
        {
            try
            {
                return await Gateway.RefundAsync(Refund(charge, 200, $"refund-{i}"));
            }
            catch (DomainException refusal) when (refusal.Kind == ProblemKind.Conflict)
            {
                return null;
            }
        })));

        Assert.Equal(4, attempts.Count(r => r is not null));
        Assert.Equal(800, (await Ledger.ListAsync(Key("refund-"))).Sum(e => e.Result.AmountMinor));
    }

    [Fact]
    public async Task A_refund_needs_an_existing_approved_charge_of_this_provider()
    {
        var declined = await Gateway.ChargeAsync(Charge(Token(SandboxTokens.Decline), "declined-charge"));

        await RefusedAsync(ProblemKind.Conflict, () => Gateway.RefundAsync(Refund("sbx_ch_doesnotexist", 100)));
        await RefusedAsync(ProblemKind.Conflict, () => Gateway.RefundAsync(Refund(declined.TransactionId!, 100)));
        var foreign = await RefusedAsync(ProblemKind.Validation, () => Gateway.RefundAsync(Refund("ch_3Nxyz", 100)));

        Assert.Contains("chargeTransactionId", foreign.Errors.Keys);
        Assert.Empty(await Ledger.ListAsync(Key("refund")));
    }

    [Fact]
    public async Task A_refund_in_another_currency_than_its_charge_is_refused()
    {
        var charge = await ApprovedChargeAsync();

        await RefusedAsync(ProblemKind.Conflict, () => Gateway.RefundAsync(Refund(charge, 100, currency: "EUR")));
    }

    [Fact]
    public async Task The_same_refund_key_twice_refunds_once_and_returns_the_first_result_even_once_nothing_is_left()
    {
        var charge = await ApprovedChargeAsync(995);

        var first = await Gateway.RefundAsync(Refund(charge, 995));
        var second = await Gateway.RefundAsync(Refund(charge, 995));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Gateway.RefundAsync(Refund(charge, 995)))));

        Assert.Equal(first, second);
        Assert.All(concurrent, r => Assert.Equal(first, r));
        Assert.Equal(1, await Ledger.CountAsync(Key("refund-1")));
        Assert.Equal(first, await Gateway.LookupAsync(Sandbox, Key("refund-1")));
    }

    [Fact]
    public async Task A_key_used_for_a_charge_cannot_be_reused_for_a_refund()
    {
        var charge = await ApprovedChargeAsync();

        await RefusedAsync(ProblemKind.Conflict, () => Gateway.RefundAsync(new RefundRequest(Sandbox, Key("charge"), charge, 100, "USD", "Reused key")));

        Assert.Equal(SandboxEntryKind.Charge, (await Ledger.FindAsync(Key("charge")))!.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("tok_unknown")]
    [InlineData("pm_card_visa")]
    [InlineData("TOK_APPROVE")]
    [InlineData("approve")]
    public async Task An_unknown_or_blank_token_is_refused_on_cardToken_and_nothing_is_charged(string token)
    {
        var onCharge = await RefusedAsync(ProblemKind.Validation, () => Gateway.ChargeAsync(Charge(token)));
        var onDescribe = await RefusedAsync(ProblemKind.Validation, () => Gateway.DescribeCardAsync(Sandbox, token));

        Assert.Equal(["cardToken"], onCharge.Errors.Keys);
        Assert.Equal(["cardToken"], onDescribe.Errors.Keys);
        Assert.Empty(await Ledger.ListAsync(order));
    }

    [Theory]
    [InlineData("4242424242424242")]
    [InlineData("4242 4242 4242 4242")]
    [InlineData("4000-0566-5566-5556")]
    [InlineData(" 5555555555554444 ")]
    public async Task A_card_number_in_place_of_a_token_is_refused_and_never_echoed_nor_logged(string pan)
    {
        var onCharge = await RefusedAsync(ProblemKind.Validation, () => Gateway.ChargeAsync(Charge(pan)));
        var onDescribe = await RefusedAsync(ProblemKind.Validation, () => Gateway.DescribeCardAsync(Sandbox, pan));

        var digits = new string(pan.Where(char.IsAsciiDigit).ToArray());
        foreach (var refusal in new[] { onCharge, onDescribe })
        {
            Assert.Equal(["cardToken"], refusal.Errors.Keys);
            var shown = string.Join("|", [refusal.Message, refusal.Title, refusal.Detail, .. refusal.Errors.SelectMany(e => e.Value)]);
            Assert.DoesNotContain(pan.Trim(), shown, StringComparison.Ordinal);
            Assert.DoesNotContain(digits[..6], shown.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(log.Lines, line => line.Contains(digits[..6], StringComparison.Ordinal) || line.Contains(pan.Trim(), StringComparison.Ordinal));
        Assert.Empty(await Ledger.ListAsync(order));
    }

    [Fact]
    public async Task The_payment_log_carries_no_raw_idempotency_key_only_a_digest_of_it()
    {
        // A key holds what a client sent as its Idempotency-Key: that value never reaches the log.
        const string clientKey = "client-typed-key-Zq81-secret";
        var chargeEvent = $"prepayment:{clientKey}";
        var charge = await Gateway.ChargeAsync(Charge(Token(SandboxTokens.Approve), chargeEvent));
        await Gateway.ChargeAsync(Charge(Token(SandboxTokens.Approve), chargeEvent));
        await Gateway.RefundAsync(Refund(charge.TransactionId!, 100, $"refund:{clientKey}"));
        await Gateway.ChargeAsync(Charge(Token(SandboxTokens.Timeout), $"late:{clientKey}"));

        Assert.True(log.Lines.Count >= 4, string.Join(Environment.NewLine, log.Lines));
        Assert.DoesNotContain(log.Lines, line => line.Contains(clientKey, StringComparison.Ordinal) || line.Contains(order, StringComparison.Ordinal));
        Assert.Contains(log.Lines, line => line.Contains(SandboxPaymentGateway.KeyDigest(Key(chargeEvent)), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("stripe")]
    [InlineData("Sandbox")]
    [InlineData("")]
    public async Task An_unknown_provider_is_refused_on_provider(string provider)
    {
        var charge = await ApprovedChargeAsync();
        var refusals = new[]
        {
            await RefusedAsync(ProblemKind.Validation, () => Gateway.ChargeAsync(Charge(Token(SandboxTokens.Approve), "other") with { Provider = provider })),
            await RefusedAsync(ProblemKind.Validation, () => Gateway.RefundAsync(Refund(charge, 100) with { Provider = provider })),
            await RefusedAsync(ProblemKind.Validation, () => Gateway.LookupAsync(provider, Key("charge"))),
            await RefusedAsync(ProblemKind.Validation, () => Gateway.DescribeCardAsync(provider, Token(SandboxTokens.Approve))),
        };

        Assert.All(refusals, r => Assert.Equal(["provider"], r.Errors.Keys));
        Assert.Single(await Ledger.ListAsync(order));
    }

    [Theory]
    [InlineData(0L, "USD", "amountMinor")]
    [InlineData(-100L, "USD", "amountMinor")]
    [InlineData(100L, "XXX", "currency")]
    [InlineData(100L, "usd", "currency")]
    public async Task A_charge_of_no_money_or_in_an_unknown_currency_is_refused(long amountMinor, string currency, string field)
    {
        var refusal = await RefusedAsync(ProblemKind.Validation, () => Gateway.ChargeAsync(Charge(Token(SandboxTokens.Approve), amountMinor: amountMinor, currency: currency)));

        Assert.Equal([field], refusal.Errors.Keys);
        Assert.Empty(await Ledger.ListAsync(order));
    }

    [Fact]
    public async Task A_blank_idempotency_key_is_refused()
    {
        var refusal = await RefusedAsync(ProblemKind.Validation, () => Gateway.ChargeAsync(Charge(Token(SandboxTokens.Approve)) with { IdempotencyKey = " " }));

        Assert.Equal(["idempotencyKey"], refusal.Errors.Keys);
    }

    [Theory]
    [InlineData(SandboxTokens.Approve, "Visa", "4242")]
    [InlineData(SandboxTokens.Decline, "Mastercard", "4444")]
    [InlineData(SandboxTokens.InsufficientFunds, "Visa", "9995")]
    [InlineData(SandboxTokens.StolenCard, "Visa", "0019")]
    [InlineData(SandboxTokens.Timeout, "Visa", "1881")]
    [InlineData(SandboxTokens.DeclineThenApprove, "Visa", "3220")]
    public async Task A_test_token_describes_its_card_by_brand_last_four_digits_and_expiry_only(string testToken, string brand, string last4)
    {
        var card = await Gateway.DescribeCardAsync(Sandbox, Token(testToken));

        Assert.Equal(new CardOnFile(brand, last4, 12, 2030), card);
        Assert.Equal($"XXXX XXXX XXXX {last4}", card.Masked);
        Assert.Equal(card, await Gateway.DescribeCardAsync(Sandbox, testToken));
    }
}

public sealed class InMemorySandboxGatewayTests : SandboxGatewayContract
{
    protected override ISandboxLedger Ledger { get; } = new InMemorySandboxLedger();
}

/// <summary>One migrated database for the PostgreSQL test class, dropped afterwards.</summary>
public sealed class SandboxLedgerDatabase : IAsyncLifetime
{
    private TestDatabase database = null!;

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync("payments");
        DataSource = NpgsqlDataSource.Create(database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await database.DisposeAsync();
    }
}

public sealed class PostgresSandboxGatewayTests(SandboxLedgerDatabase database) : SandboxGatewayContract, IClassFixture<SandboxLedgerDatabase>
{
    protected override ISandboxLedger Ledger { get; } = new PostgresSandboxLedger(database.DataSource);
}
