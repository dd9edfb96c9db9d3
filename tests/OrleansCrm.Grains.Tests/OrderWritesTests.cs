using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Infrastructure.Payments;
using OrleansCrm.Testing;

namespace OrleansCrm.Grains.Tests;

/// <summary>
/// What a placement and a product charge cost in state writes, and that the writes they no longer make lose nothing and
/// move no money twice: the order's own email handed to the outbox is stored by the outbox's report (its key is the
/// order's and the row's), the outbox's record is also its first attempt's intent, and a charge's answer is stored
/// with its round, healed after a crash by asking the provider under the same key.
/// </summary>
public sealed class OrderWritesTests
{
    private static TickStatus Tick(DateTimeOffset at) => new(at.UtcDateTime, TimeSpan.FromMinutes(1), at.UtcDateTime);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_trial_order_is_stored_twice_from_placement_to_its_sent_confirmation_and_the_confirmation_twice(bool onPostgres)
    {
        await using var database = onPostgres ? await TestDatabase.CreateMigratedAsync("order_writes") : null;
        var counts = new WriteCounts();
        await using var api = new CountingApiFactory(database?.ConnectionString, counts);
        var driver = new OrderDriver(api.Admin());
        await driver.EnsureOfferAsync();
        var (number, _) = await driver.PlaceTrialAsync();

        var workflow = await driver.WorkflowAsync(number); // the confirmation's report is in
        var confirmation = workflow.Values.Single(e => e.GetProperty("kind").GetString() == "OrderConfirmation");
        Assert.Equal("Completed", confirmation.GetProperty("status").GetString());
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var outbox = grains.GetGrain<IOutboxEmailGrain>($"{number}:{confirmation.GetProperty("id").GetString()}");
        var delivery = await outbox.GetAsync();

        Assert.Equal((DeliveryStatus.Sent, 1), (delivery!.Status, delivery.Attempts));
        Assert.Equal(2, counts.StateWritesOf(grains.GetGrain<IOrderGrain>(number).GetGrainId())); // placed; its confirmation reported sent
        Assert.Equal(2, counts.StateWritesOf(outbox.GetGrainId())); // recorded with its first attempt's retry; sent
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_product_charge_whose_round_was_not_stored_is_recorded_from_the_provider_on_the_next_tick_charged_once_and_confirmed_once(bool onPostgres)
    {
        await using var database = onPostgres ? await TestDatabase.CreateMigratedAsync("charge_writes") : null;
        var counts = new WriteCounts();
        await using var api = new CountingApiFactory(database?.ConnectionString, counts);
        var driver = new OrderDriver(api.Admin());
        await driver.EnsureOfferAsync();
        var token = "tok_approve_writes-" + Guid.NewGuid().ToString("N");
        var (number, _) = await driver.PlaceTrialAsync(token);
        var workflow = await driver.WorkflowAsync(number);
        var chargeAt = workflow.Values.Single(e => e.GetProperty("kind").GetString() == "ProductCharge").GetProperty("scheduledAt").GetDateTimeOffset();
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var order = grains.GetGrain<IOrderGrain>(number);
        var tick = order.AsReference<IRemindable>();

        // The trial's emails before the end, settled.
        api.Time.SetUtcNow(chargeAt.AddHours(-1));
        await tick.ReceiveReminder(DueWork.ReminderName, Tick(api.Time.GetUtcNow()));
        await driver.WorkflowAsync(number);

        // At the end: the charge's intent is stored (the first write), the provider charges, the round's write fails.
        api.Time.SetUtcNow(chargeAt);
        counts.FailWrite(order.GetGrainId(), 2);
        await Assert.ThrowsAnyAsync<Exception>(() => tick.ReceiveReminder(DueWork.ReminderName, Tick(chargeAt)));
        var ledger = api.Services.GetRequiredService<ISandboxLedger>();
        Assert.Equal(2, await ledger.CountChargesAsync(token)); // the S&H and the product: the money moved

        // The reminder's period brings the tick back: the order asks the provider under the same key.
        api.Time.SetUtcNow(chargeAt.AddMinutes(1));
        await tick.ReceiveReminder(DueWork.ReminderName, Tick(api.Time.GetUtcNow()));
        workflow = await driver.WorkflowAsync(number);

        Assert.Equal(2, await ledger.CountChargesAsync(token));
        Assert.Equal("Paid", await driver.StatusAsync(number));
        var payments = await driver.PaymentsAsync(number);
        Assert.Equal(2, payments.Count(p => p.GetProperty("kind").GetString() == "Charge" && p.GetProperty("status").GetString() == "Approved"));
        var confirmations = workflow.Values.Where(e => e.GetProperty("kind").GetString() == "PaymentConfirmation").ToList();
        var confirmation = Assert.Single(confirmations);
        Assert.Equal("Completed", confirmation.GetProperty("status").GetString());
        var delivery = await grains.GetGrain<IOutboxEmailGrain>($"{number}:{confirmation.GetProperty("id").GetString()}").GetAsync();
        Assert.Equal(DeliveryStatus.Sent, delivery!.Status);
    }

    /// <summary>The api with its co-hosted silo (real reminders on fake business time), in memory or on PostgreSQL, counting writes.</summary>
    private sealed class CountingApiFactory(string? connectionString, WriteCounts counts) : CrmApiFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["ConnectionStrings:Crm"] = connectionString };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(counts.Install);
        }
    }
}
