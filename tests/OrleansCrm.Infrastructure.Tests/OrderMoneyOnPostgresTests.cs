using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Payments;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Infrastructure.Payments;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>Money on the PostgreSQL profile: the trial story, duplicated ticks and a host that dies mid-charge never charge twice.</summary>
public sealed class OrderMoneyOnPostgresTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateMigratedAsync("money");

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private static TickStatus Tick(DateTimeOffset at) => new(at.UtcDateTime, TimeSpan.FromMinutes(1), at.UtcDateTime);

    private async Task<long> LedgerCountAsync(string key) =>
        await database.ScalarAsync<long>($"SELECT count(*) FROM crm_sandbox_ledger WHERE idempotency_key = '{key}'");

    [Fact]
    public async Task The_trial_story_on_PostgreSQL_charges_S_and_H_at_once_and_the_product_once_after_the_extension()
    {
        await using var api = new WorkflowApiFactory(database.ConnectionString);
        var driver = new OrderDriver(api.Admin());
        await driver.EnsureOfferAsync();
        var (number, _) = await driver.PlaceTrialAsync();
        var placedAt = (await driver.OrderAsync(number)).GetProperty("placedAt").GetDateTimeOffset();

        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(13));
        var link = (await driver.WorkflowAsync(number))["extension-offer"].GetProperty("link").GetString()!;
        (await api.ClientWithKey(null).PostAsync(new Uri(link).PathAndQuery, null)).EnsureSuccessStatusCode();
        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(15));
        Assert.Equal(0, await LedgerCountAsync($"{number}:product-charge"));
        await driver.AdvanceToAsync(placedAt, TimeSpan.FromDays(30));

        Assert.Equal("Paid", await driver.StatusAsync(number));
        Assert.Equal(1, await LedgerCountAsync($"{number}:sh-charge"));
        Assert.Equal(1, await LedgerCountAsync($"{number}:product-charge"));
        var indexed = await database.ScalarAsync<string>($"SELECT status FROM crm_orders WHERE number = '{number}'");
        Assert.Equal("Paid", indexed);
    }

    [Fact]
    public async Task A_reminder_tick_delivered_twice_at_once_charges_the_product_once()
    {
        await using var api = new PostgresApiFactory(database.ConnectionString);
        var driver = new OrderDriver(api.Admin());
        await driver.EnsureOfferAsync();
        var (number, _) = await driver.PlaceTrialAsync();
        api.Time.Advance(TimeSpan.FromDays(15));
        var order = api.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrderGrain>(number).AsReference<IRemindable>();

        await Task.WhenAll(
            order.ReceiveReminder(DueWork.ReminderName, Tick(api.Time.GetUtcNow())),
            order.ReceiveReminder(DueWork.ReminderName, Tick(api.Time.GetUtcNow())));
        await order.ReceiveReminder(DueWork.ReminderName, Tick(api.Time.GetUtcNow()));

        Assert.Equal(1, await LedgerCountAsync($"{number}:product-charge"));
        var charges = (await driver.PaymentsAsync(number)).Where(p => p.GetProperty("eventId").GetString() == "product-charge").ToList();
        Assert.Single(charges);
        Assert.Equal("Paid", await driver.StatusAsync(number));
    }

    [Fact]
    public async Task A_host_that_dies_after_the_provider_charged_but_before_the_result_was_stored_never_charges_twice()
    {
        string number;
        DateTimeOffset dueAt;
        await using (var dying = new PostgresApiFactory(database.ConnectionString, s => s.AddSingleton<IPaymentGateway>(sp =>
            new DiesAfterCharging(ActivatorUtilities.CreateInstance<SandboxPaymentGateway>(sp), ":product-charge"))))
        {
            var driver = new OrderDriver(dying.Admin());
            await driver.EnsureOfferAsync();
            (number, _) = await driver.PlaceTrialAsync();
            dying.Time.Advance(TimeSpan.FromDays(15));
            dueAt = dying.Time.GetUtcNow();
            var order = dying.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrderGrain>(number).AsReference<IRemindable>();

            await Assert.ThrowsAnyAsync<Exception>(() => order.ReceiveReminder(DueWork.ReminderName, Tick(dueAt)));

            Assert.Equal(1, await LedgerCountAsync($"{number}:product-charge"));

            // The next way into the order (a read, here) finishes the failed tick from its stored intent (attempt 1 on
            // record): it asks the provider under the same key as attempt 2 and never charges again.
            var finished = (await driver.WorkflowAsync(number))["product-charge"];
            Assert.Equal("Completed", finished.GetProperty("status").GetString());
            Assert.Equal(2, finished.GetProperty("attempts").GetInt32());
            Assert.Equal(1, await LedgerCountAsync($"{number}:product-charge"));
        }

        await using var restarted = new PostgresApiFactory(database.ConnectionString);
        restarted.Time.SetUtcNow(dueAt.AddMinutes(1));
        var again = restarted.Services.GetRequiredService<IGrainFactory>().GetGrain<IOrderGrain>(number).AsReference<IRemindable>();
        await again.ReceiveReminder(DueWork.ReminderName, Tick(dueAt.AddMinutes(1)));
        await again.ReceiveReminder(DueWork.ReminderName, Tick(dueAt.AddMinutes(2)));

        Assert.Equal(1, await LedgerCountAsync($"{number}:product-charge"));
        var after = new OrderDriver(restarted.Admin());
        Assert.Equal("Completed", (await after.WorkflowAsync(number))["product-charge"].GetProperty("status").GetString());
        Assert.Equal("Paid", await after.StatusAsync(number));
        Assert.Single(await after.PaymentsAsync(number), p => p.GetProperty("eventId").GetString() == "product-charge");
    }

    /// <summary>A gateway whose process "dies" right after the provider took the money: the answer never comes back.</summary>
    private sealed class DiesAfterCharging(IPaymentGateway inner, string keySuffix) : IPaymentGateway
    {
        public Task<CardOnFile> DescribeCardAsync(string provider, string cardToken, CancellationToken cancellationToken = default) =>
            inner.DescribeCardAsync(provider, cardToken, cancellationToken);

        public async Task<PaymentResult> ChargeAsync(ChargeRequest request, CancellationToken cancellationToken = default)
        {
            var result = await inner.ChargeAsync(request, cancellationToken);
            return request.IdempotencyKey.EndsWith(keySuffix, StringComparison.Ordinal)
                ? throw new IOException("The process died before the provider's answer was stored.")
                : result;
        }

        public Task<PaymentResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken = default) => inner.RefundAsync(request, cancellationToken);

        public Task<PaymentResult?> LookupAsync(string provider, string idempotencyKey, CancellationToken cancellationToken = default) =>
            inner.LookupAsync(provider, idempotencyKey, cancellationToken);
    }
}
