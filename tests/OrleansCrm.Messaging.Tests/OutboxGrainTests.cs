using OrleansCrm.Grains;
using Orleans.Storage;
using OrleansCrm.Contracts.Ports;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Grains.Messaging;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Testing;
using static OrleansCrm.Messaging.Tests.Emails;

namespace OrleansCrm.Messaging.Tests;

[Collection(EmailClusterCollection.Name)]
public sealed class OutboxGrainTests(EmailClusterFixture fixture)
{
    private SmtpSink Sink => fixture.Sink;

    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    [Fact]
    public async Task A_message_is_delivered_over_SMTP_with_the_recipient_subject_and_Message_Id()
    {
        var key = NewKey("order-1001-placed");
        var to = AddressFor(key);
        var grain = fixture.Client.GetGrain<IOutboxEmailGrain>(key);

        await grain.SendAsync(new EmailMessage(key, to, "Mario Rossi", "Order 1001 is confirmed", "Thank you for your order.", "<p>Thank you for your order.</p>"));
        var delivery = await AfterAttemptAsync(grain, 1);

        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(to, delivery.Recipient);
        Assert.Equal(Now, delivery.SentAt);
        Assert.Null(delivery.LastError);
        Assert.Equal(OutboxRules.MessageIdFor(key), delivery.MessageId);

        var received = Assert.Single(await Sink.WaitForMessagesAsync(m => m.Recipients.Contains(to), 1, Wait));
        Assert.Equal([to], received.Recipients);
        Assert.Equal("orders@crm.test", received.From);
        var mime = Parse(received);
        Assert.Equal("Order 1001 is confirmed", mime.Subject);
        Assert.Equal(delivery.MessageId, $"<{mime.MessageId}>");
        var recipient = Assert.Single(mime.To.Mailboxes);
        Assert.Equal((to, "Mario Rossi"), (recipient.Address, recipient.Name));
        Assert.Equal(("orders@crm.test", "CRM Orders"), (mime.From.Mailboxes.Single().Address, mime.From.Mailboxes.Single().Name));
        Assert.Equal("Thank you for your order.", mime.TextBody?.Trim());
        Assert.Equal("<p>Thank you for your order.</p>", mime.HtmlBody?.Trim());
        Assert.Equal(Now, mime.Date);
    }

    [Fact]
    public async Task Sending_the_same_key_twice_delivers_once()
    {
        var key = NewKey("order-1002-placed");
        var grain = fixture.Client.GetGrain<IOutboxEmailGrain>(key);

        await grain.SendAsync(Message(key));
        var first = await AfterAttemptAsync(grain, 1);
        var second = await grain.SendAsync(Message(key, subject: "A different subject under the same key"));
        await grain.AsReference<IRemindable>().ReceiveReminder(DueWork.ReminderName, Tick(Now));

        Assert.Equal(first, second);
        Assert.Equal(DeliveryStatus.Sent, second.Status);
        var received = Assert.Single(Sink.TransactionsTo(AddressFor(key)));
        Assert.Equal("Your order is confirmed", Parse(received.Email).Subject);
    }

    [Fact]
    public async Task A_451_is_retried_when_the_retry_falls_due_and_then_Sent_with_two_attempts()
    {
        var key = NewKey("order-1003-placed");
        var to = AddressFor(key);
        var grain = fixture.Client.GetGrain<IOutboxEmailGrain>(key);
        Sink.FailNext(1, SmtpSinkFailure.Transient451, to);

        await grain.SendAsync(Message(key));
        var queued = await AfterAttemptAsync(grain, 1);
        Assert.Equal((DeliveryStatus.Queued, 1), (queued.Status, queued.Attempts));
        Assert.Contains("451", queued.LastError, StringComparison.Ordinal);
        Assert.True(await HasReminderAsync(grain));

        fixture.Time.Advance(TimeSpan.FromSeconds(59));
        await grain.AsReference<IRemindable>().ReceiveReminder(DueWork.ReminderName, Tick(Now));
        Assert.Equal((DeliveryStatus.Queued, 1), ((await grain.GetAsync())!.Status, (await grain.GetAsync())!.Attempts));
        Assert.Single(Sink.TransactionsTo(to));

        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        await grain.AsReference<IRemindable>().ReceiveReminder(DueWork.ReminderName, Tick(Now));

        var sent = (await grain.GetAsync())!;
        Assert.Equal((DeliveryStatus.Sent, 2), (sent.Status, sent.Attempts));
        Assert.Equal(Now, sent.SentAt);
        Assert.Null(sent.LastError);
        Assert.Equal([451, 250], Sink.TransactionsTo(to).Select(t => t.ReplyCode));
        Assert.All(Sink.TransactionsTo(to), t => Assert.Equal(sent.MessageId, $"<{Parse(t.Email).MessageId}>"));
        await ReminderRemovedAsync(grain);
    }

    [Fact]
    public async Task A_550_makes_it_Failed_without_retry()
    {
        var key = NewKey("order-1004-placed");
        var to = AddressFor(key);
        var grain = fixture.Client.GetGrain<IOutboxEmailGrain>(key);
        Sink.FailNext(1, SmtpSinkFailure.Permanent550, to);

        await grain.SendAsync(Message(key));
        var failed = await AfterAttemptAsync(grain, 1);

        Assert.Equal((DeliveryStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);
        Assert.Null(failed.SentAt);
        await ReminderRemovedAsync(grain);

        fixture.Time.Advance(TimeSpan.FromHours(9));
        await grain.AsReference<IRemindable>().ReceiveReminder(DueWork.ReminderName, Tick(Now));
        Assert.Equal(failed, await grain.SendAsync(Message(key)));
        Assert.Equal([550], Sink.TransactionsTo(to).Select(t => t.ReplyCode));
    }

    [Fact]
    public async Task After_the_last_backoff_step_it_is_Failed()
    {
        TimeSpan[] backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)];
        var key = NewKey("order-1005-placed");
        var to = AddressFor(key);
        var grain = fixture.Client.GetGrain<IOutboxEmailGrain>(key);
        var tick = grain.AsReference<IRemindable>();
        Sink.FailNext(backoff.Length + 1, SmtpSinkFailure.Transient451, to);

        await grain.SendAsync(Message(key));
        var delivery = await AfterAttemptAsync(grain, 1);
        for (var step = 0; step < backoff.Length; step++)
        {
            Assert.Equal((DeliveryStatus.Queued, step + 1), (delivery.Status, delivery.Attempts));

            // Not a second early...
            fixture.Time.Advance(backoff[step] - TimeSpan.FromSeconds(1));
            await tick.ReceiveReminder(DueWork.ReminderName, Tick(Now));
            Assert.Equal(step + 1, Sink.TransactionsTo(to).Count);

            // ...but as soon as the step has passed.
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await tick.ReceiveReminder(DueWork.ReminderName, Tick(Now));
            delivery = (await grain.GetAsync())!;
            Assert.Equal(step + 2, Sink.TransactionsTo(to).Count);
        }

        Assert.Equal((DeliveryStatus.Failed, 6), (delivery.Status, delivery.Attempts));
        Assert.Contains("451", delivery.LastError, StringComparison.Ordinal);
        await ReminderRemovedAsync(grain);

        fixture.Time.Advance(TimeSpan.FromDays(1));
        await tick.ReceiveReminder(DueWork.ReminderName, Tick(Now));
        Assert.Equal(6, Sink.TransactionsTo(to).Count);
        Assert.Empty(Sink.MessagesTo(to));
    }

    [Fact]
    public async Task GetAsync_shows_the_status()
    {
        var outbox = fixture.SiloServices.GetRequiredService<IEmailOutbox>();
        var key = NewKey("order-1006-placed");
        var to = AddressFor(key);
        Assert.Null(await outbox.GetAsync(key));

        Sink.FailNext(1, SmtpSinkFailure.Transient451, to);
        var queuedAt = Now;
        await outbox.SendAsync(Message(key));
        var queued = await AfterAttemptAsync(() => outbox.GetAsync(key), 1);
        Assert.NotNull(queued);
        Assert.Equal(new EmailDelivery(key, OutboxRules.MessageIdFor(key), to, DeliveryStatus.Queued, 1, queuedAt, null, queued.LastError), queued);
        Assert.Contains("451", queued.LastError, StringComparison.Ordinal);

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await fixture.Client.GetGrain<IOutboxEmailGrain>(key).AsReference<IRemindable>().ReceiveReminder(DueWork.ReminderName, Tick(Now));

        Assert.Equal(new EmailDelivery(key, OutboxRules.MessageIdFor(key), to, DeliveryStatus.Sent, 2, queuedAt, Now, null), await outbox.GetAsync(key));
    }

    [Fact]
    public async Task Sending_a_queued_key_again_tries_again_only_once_its_retry_is_due()
    {
        var key = NewKey("order-1007-placed");
        var to = AddressFor(key);
        var grain = fixture.Client.GetGrain<IOutboxEmailGrain>(key);
        Sink.FailNext(1, SmtpSinkFailure.Transient451, to);
        await grain.SendAsync(Message(key));
        await AfterAttemptAsync(grain, 1);

        var early = await grain.SendAsync(Message(key));
        Assert.Equal((DeliveryStatus.Queued, 1), (early.Status, early.Attempts));
        Assert.Single(Sink.TransactionsTo(to));

        fixture.Time.Advance(TimeSpan.FromMinutes(1));
        await grain.SendAsync(Message(key));
        var due = (await Eventually.WaitForAsync(grain.GetAsync, d => d!.Status != DeliveryStatus.Queued, Wait))!;

        Assert.Equal((DeliveryStatus.Sent, 2), (due.Status, due.Attempts));
        Assert.Single(Sink.MessagesTo(to));
    }

    [Fact]
    public async Task The_outbox_service_sends_through_the_grain_of_the_message_key()
    {
        var outbox = fixture.SiloServices.GetRequiredService<IEmailOutbox>();
        var key = NewKey("order-1008-placed");

        await outbox.SendAsync(Message(key));
        var sent = (await Eventually.WaitForAsync(() => outbox.GetAsync(key), d => d!.Status != DeliveryStatus.Queued, Wait))!;

        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.Equal(sent, await fixture.Client.GetGrain<IOutboxEmailGrain>(key).GetAsync());
        Assert.Single(Sink.MessagesTo(AddressFor(key)));
        await Assert.ThrowsAsync<DomainException>(() => outbox.GetAsync(" "));
    }

    [Fact]
    public async Task A_recipient_that_is_not_an_email_address_makes_it_Failed_at_once()
    {
        var key = NewKey("order-1009-placed");
        var grain = fixture.Client.GetGrain<IOutboxEmailGrain>(key);

        await grain.SendAsync(Message(key, to: "mario rossi at example"));
        var failed = await AfterAttemptAsync(grain, 1);

        Assert.Equal((DeliveryStatus.Failed, 1), (failed.Status, failed.Attempts));
        Assert.Equal("mario rossi at example", failed.Recipient);
        Assert.Contains("recipient", failed.LastError, StringComparison.Ordinal);
        await ReminderRemovedAsync(grain);
    }

    [Fact]
    public async Task A_message_whose_key_is_not_the_grain_key_is_refused_and_nothing_is_recorded()
    {
        var key = NewKey("order-1010-placed");
        var grain = fixture.Client.GetGrain<IOutboxEmailGrain>(key);

        var refused = await Assert.ThrowsAsync<DomainException>(() => grain.SendAsync(Message("another-key", to: AddressFor(key))));

        Assert.Equal(ProblemKind.Validation, refused.Kind);
        Assert.Contains("key", refused.Errors.Keys);
        Assert.Null(await grain.GetAsync());
        Assert.Empty(Sink.TransactionsTo(AddressFor(key)));
    }

    [Fact]
    public async Task A_tick_for_a_key_that_was_never_recorded_sends_nothing_and_disarms()
    {
        var key = NewKey("order-1011-placed");
        var grain = fixture.Client.GetGrain<IOutboxEmailGrain>(key);

        await grain.AsReference<IRemindable>().ReceiveReminder(DueWork.ReminderName, Tick(Now));

        Assert.Null(await grain.GetAsync());
        await ReminderRemovedAsync(grain);
        Assert.Empty(Sink.TransactionsTo(AddressFor(key)));
    }

    // ---------------------------------------------------------------- no caller waits on SMTP

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
        await ReminderRemovedAsync(grain);
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
        await ReminderRemovedAsync(grain);
    }

    [Fact]
    public async Task A_message_waiting_for_its_retry_activated_again_writes_no_reminder_row_for_a_read_or_a_tick_before_the_retry_is_due()
    {
        var key = NewKey("order-3004-placed");
        var to = AddressFor(key);
        var grain = fixture.Client.GetGrain<IOutboxEmailGrain>(key);
        Sink.FailNext(1, SmtpSinkFailure.Transient451, to);
        await grain.SendAsync(Message(key));
        await Eventually.WaitForAsync(grain.GetAsync, d => d!.LastError is not null, Wait);
        var table = fixture.SiloServices.GetRequiredService<IReminderTable>();
        var armed = await table.ReadRow(grain.GetGrainId(), DueWork.ReminderName);
        Assert.NotNull(armed);

        await CollectAsync(grain); // a new activation...
        await grain.GetAsync(); // ...reconciles: reads the reminder, finds it in time
        await CollectAsync(grain);
        var tick = grain.AsReference<IRemindable>();
        await tick.ReceiveReminder(DueWork.ReminderName, Tick(Now)); // a tick before the retry is due, on a new activation
        await tick.ReceiveReminder(DueWork.ReminderName, Tick(Now)); // and on this one

        var after = await table.ReadRow(grain.GetGrainId(), DueWork.ReminderName);
        Assert.Equal((armed!.ETag, armed.StartAt), (after!.ETag, after.StartAt)); // not written once
        Assert.Equal((DeliveryStatus.Queued, 1), ((await grain.GetAsync())!.Status, (await grain.GetAsync())!.Attempts));

        fixture.Time.Advance(OutboxRules.Backoff[0]);
        await tick.ReceiveReminder(DueWork.ReminderName, Tick(Now));
        Assert.Equal(DeliveryStatus.Sent, (await grain.GetAsync())!.Status);
        await ReminderRemovedAsync(grain);
    }

    /// <summary>Deactivates the grain (every activation idle for a moment goes, as the collector does after the collection age).</summary>
    private async Task CollectAsync(IAddressable grain)
    {
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        Assert.Equal(0, await Eventually.WaitForAsync(
            async () =>
            {
                await management.ForceActivationCollection(TimeSpan.FromMilliseconds(1));
                return await management.GetGrainActivationCount((GrainReference)grain);
            },
            count => count == 0,
            TimeSpan.FromSeconds(10)));
    }

    /// <summary>
    /// Sending only records the message; the attempt runs on the outbox's own turn. Waits until attempt
    /// <paramref name="attempt"/> has its outcome recorded (sent, failed, or queued with its error).
    /// </summary>
    private static Task<EmailDelivery> AfterAttemptAsync(IOutboxEmailGrain grain, int attempt) =>
        AfterAttemptAsync(grain.GetAsync, attempt);

    private static async Task<EmailDelivery> AfterAttemptAsync(Func<Task<EmailDelivery?>> read, int attempt) =>
        (await Eventually.WaitForAsync(
            read,
            d => d is { } x && x.Attempts >= attempt && (x.Status != DeliveryStatus.Queued || x.LastError is not null),
            Wait))!;

    /// <summary>
    /// Waits until the grain's reminder is gone: a settled message's reminder is removed last in its turn, after the
    /// owner's report and the log (a status read interleaves and may see the settled state first).
    /// </summary>
    private Task ReminderRemovedAsync(IAddressable grain) => Eventually.WaitForAsync(() => HasReminderAsync(grain), has => !has, Wait);

    private async Task<bool> HasReminderAsync(IAddressable grain) =>
        await fixture.SiloServices.GetRequiredService<IReminderTable>().ReadRow(grain.GetGrainId(), DueWork.ReminderName) is not null;
}
