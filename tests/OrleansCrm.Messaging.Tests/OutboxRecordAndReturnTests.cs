using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Grains;
using OrleansCrm.Grains.Messaging;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Testing;
using static OrleansCrm.Messaging.Tests.Emails;

namespace OrleansCrm.Messaging.Tests;

/// <summary>No caller waits on SMTP: sending records the message and returns; the outbox delivers on its own turn.</summary>
[Collection(EmailClusterCollection.Name)]
public sealed class OutboxRecordAndReturnTests(EmailClusterFixture fixture)
{
    private SmtpSink Sink => fixture.Sink;

    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    [Fact]
    public async Task Sending_while_the_SMTP_server_stalls_answers_Queued_at_once_and_the_message_is_Sent_once_the_server_answers()
    {
        var key = NewKey("order-3001-placed");
        var to = AddressFor(key);
        var grain = fixture.Client.GetGrain<IOutboxEmailGrain>(key);
        using var stalled = Sink.HoldReplies(to);

        var answered = await grain.SendAsync(Message(key));

        Assert.Equal((DeliveryStatus.Queued, 0), (answered.Status, answered.Attempts));
        await stalled.Holding.WaitAsync(Wait);
        var during = await grain.GetAsync(); // answered while the outbox's own turn waits for the server
        Assert.Equal((DeliveryStatus.Queued, 1), (during!.Status, during.Attempts));
        Assert.Equal(answered, await grain.SendAsync(Message(key)) with { Attempts = 0 });
        Assert.Empty(Sink.TransactionsTo(to));

        stalled.Release();
        var sent = await Eventually.WaitForAsync(grain.GetAsync, d => d!.Status != DeliveryStatus.Queued, Wait);
        Assert.Equal((DeliveryStatus.Sent, 1), (sent!.Status, sent.Attempts));
        Assert.Single(Sink.TransactionsTo(to));
    }

    [Fact]
    public async Task A_transient_failure_is_met_on_the_outboxs_own_turn_and_retried_on_its_tick_not_in_the_callers_turn()
    {
        var key = NewKey("order-3002-placed");
        var to = AddressFor(key);
        var grain = fixture.Client.GetGrain<IOutboxEmailGrain>(key);
        Sink.FailNext(1, SmtpSinkFailure.Transient451, to);

        var answered = await grain.SendAsync(Message(key));

        Assert.Equal((DeliveryStatus.Queued, 0, null), (answered.Status, answered.Attempts, answered.LastError));
        var refused = await Eventually.WaitForAsync(grain.GetAsync, d => d!.LastError is not null, Wait);
        Assert.Equal((DeliveryStatus.Queued, 1), (refused!.Status, refused.Attempts));
        Assert.Contains("451", refused.LastError, StringComparison.Ordinal);
        Assert.True(await HasReminderAsync(grain));

        fixture.Time.Advance(OutboxRules.Backoff[0]);
        await grain.AsReference<IRemindable>().ReceiveReminder(DueWork.ReminderName, Tick(Now));

        var sent = await grain.GetAsync();
        Assert.Equal((DeliveryStatus.Sent, 2), (sent!.Status, sent.Attempts));
        Assert.Equal([451, 250], Sink.TransactionsTo(to).Select(t => t.ReplyCode));
        Assert.False(await HasReminderAsync(grain));
    }

    [Fact]
    public async Task A_message_recorded_by_an_activation_that_died_before_its_delivery_is_delivered_once()
    {
        var key = NewKey("order-3003-placed");
        var to = AddressFor(key);
        var grain = fixture.Client.GetGrain<IOutboxEmailGrain>(key);

        // What the record step stores before the silo dies (its reminder row lost with it, the worst case).
        var recorded = new OutboxEmailState
        {
            Message = Message(key),
            Delivery = new EmailDelivery(key, OutboxRules.MessageIdFor(key), to, DeliveryStatus.Queued, 0, Now, null, null),
            NextAttemptAt = Now,
        };
        var storage = fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Crm);
        await storage.WriteStateAsync(StorageNames.OutboxEmailState, grain.GetGrainId(), new GrainState<OutboxEmailState>(recorded));

        // The next activation puts the reminder back, and the outbox's tick delivers (a duplicated tick and a repeated send change nothing).
        await grain.GetAsync();
        Assert.True(await HasReminderAsync(grain) || (await grain.GetAsync())!.Status == DeliveryStatus.Sent, "armed again, or already delivered by that reminder");
        var tick = grain.AsReference<IRemindable>();
        await tick.ReceiveReminder(DueWork.ReminderName, Tick(Now));
        await tick.ReceiveReminder(DueWork.ReminderName, Tick(Now));
        await grain.SendAsync(Message(key));

        var sent = await Eventually.WaitForAsync(grain.GetAsync, d => d!.Status != DeliveryStatus.Queued, Wait);
        Assert.Equal((DeliveryStatus.Sent, 1), (sent!.Status, sent.Attempts));
        Assert.Single(Sink.TransactionsTo(to));
        Assert.False(await HasReminderAsync(grain));
    }

    private async Task<bool> HasReminderAsync(IAddressable grain) =>
        await fixture.SiloServices.GetRequiredService<IReminderTable>().ReadRow(grain.GetGrainId(), DueWork.ReminderName) is not null;
}
