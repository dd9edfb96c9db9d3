using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrleansCrm.Contracts;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Infrastructure.ReadModel.Messages;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>The api on PostgreSQL with SMS through a local gateway, on a fake clock the test moves.</summary>
public sealed class PostgresSmsApiFactory(string connectionString, SmsGatewaySink gateway) : CrmApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Crm"] = connectionString,
        ["Sms:BaseUrl"] = gateway.BaseUrl.AbsoluteUri,
        ["Sms:ApiKey"] = SmsGatewaySink.ApiKey,
        ["Sms:WebhookSecret"] = SmsGatewaySink.WebhookSecret,
        ["Sms:Retries"] = "0",
        ["Sms:QuietHours"] = "",
    };
}

/// <summary>SMS on the PostgreSQL profile: the outbox's record survives a restart and the message leaves exactly once; the message log's table.</summary>
public sealed class SmsOnPostgresTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateMigratedAsync("sms");

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task An_SMS_recorded_before_a_restart_is_sent_exactly_once_after_it_and_its_status_and_log_are_read_back()
    {
        await using var gateway = await SmsGatewaySink.StartAsync();
        var phone = TestValues.Phone();
        var message = new SmsMessage($"test:{TestValues.Key()}", phone, "Your booking is tomorrow.", SmsKind.Automated, "Europe/Rome", null, new MessageContext("cus_1", null, "call-1"));
        string messageId;
        DateTimeOffset recordedAt;
        await using (var first = new PostgresSmsApiFactory(database.ConnectionString, gateway))
        {
            // The gateway is down: the first attempt fails and the message stays queued, its retry a minute later.
            gateway.FailNext(1000, HttpStatusCode.ServiceUnavailable);
            var outbox = first.Services.GetRequiredService<ISmsOutbox>();
            messageId = (await outbox.SendAsync(message)).MessageId;
            recordedAt = first.Time.GetUtcNow();
            await Eventually.WaitForAsync(() => outbox.GetAsync(message.Key), d => d is { Attempts: 1, LastError: not null }, TimeSpan.FromSeconds(30));
        }

        gateway.FailNext(0, HttpStatusCode.ServiceUnavailable);
        await using var restarted = new PostgresSmsApiFactory(database.ConnectionString, gateway);
        restarted.Time.SetUtcNow(recordedAt.AddMinutes(2));
        var grains = restarted.Services.GetRequiredService<IGrainFactory>();
        var entry = grains.GetGrain<IOutboxSmsGrain>(messageId);

        // The retry's tick, then a duplicate tick and the same message sent again: one message at the gateway.
        await entry.AsReference<IRemindable>().ReceiveReminder(DueWork.ReminderName, Tick(restarted.Time.GetUtcNow()));
        await entry.AsReference<IRemindable>().ReceiveReminder(DueWork.ReminderName, Tick(restarted.Time.GetUtcNow()));
        await restarted.Services.GetRequiredService<ISmsOutbox>().SendAsync(message);

        var delivery = (await entry.GetAsync())!;
        Assert.Equal((DeliveryStatus.Sent, 2), (delivery.Status, delivery.Attempts));
        Assert.Equal(1, gateway.AcceptancesFor(messageId));
        Assert.Equal(1, gateway.MessagesFor(messageId));
        var logged = await restarted.Admin().GetFromJsonAsync<JsonElement>($"/api/v1/messages/{messageId}");
        Assert.Equal("Sent", logged.GetProperty("status").GetString());
        Assert.Equal("call-1", logged.GetProperty("callId").GetString());
        var listed = await restarted.Admin().GetFromJsonAsync<JsonElement>("/api/v1/messages?callId=call-1&channel=sms");
        Assert.Equal(messageId, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task A_STOP_reply_on_PostgreSQL_outlives_a_restart()
    {
        await using var gateway = await SmsGatewaySink.StartAsync();
        var phone = TestValues.Phone();
        await using (var first = new PostgresSmsApiFactory(database.ConnectionString, gateway))
        {
            using var crm = first.CreateClient();
            Assert.Equal(HttpStatusCode.NoContent, (await gateway.InboundAsync(crm, phone, "ARRET", SmsGatewaySink.RealNow)).StatusCode);
        }

        await using var restarted = new PostgresSmsApiFactory(database.ConnectionString, gateway);
        var outbox = restarted.Services.GetRequiredService<ISmsOutbox>();
        var delivery = await outbox.SendAsync(new SmsMessage($"test:{TestValues.Key()}", phone, "Never sent.", SmsKind.Automated, "Europe/Rome"));

        var skipped = await Eventually.WaitForAsync(() => outbox.GetAsync(delivery.Key), d => d is { Status: not DeliveryStatus.Queued }, TimeSpan.FromSeconds(30));
        Assert.Equal(DeliveryStatus.Skipped, skipped!.Status);
        Assert.Equal(0, gateway.RequestsFor(delivery.MessageId));
    }

    [Fact]
    public async Task The_message_log_table_keeps_the_newest_version_and_filters_like_the_in_memory_log()
    {
        await using var db = NpgsqlDataSource.Create(database.ConnectionString);
        var stores = new IMessageLog[] { new PostgresMessageLog(db), new InMemoryMessageLog() };
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        foreach (var log in stores)
        {
            var sent = Entry("sms_1", "sms", "cus_1", DeliveryStatus.Sent, at, 3);
            await log.RecordAsync(sent);
            await log.RecordAsync(Entry("sms_1", "sms", "cus_1", DeliveryStatus.Queued, at, 1)); // late and older
            await log.RecordAsync(Entry("em_2", "email", "cus_1", DeliveryStatus.Queued, at.AddMinutes(1), 1));
            await log.RecordAsync(Entry("em_3", "email", "cus_2", DeliveryStatus.Failed, at.AddMinutes(2), 2));

            Assert.Equal(sent, await log.GetAsync("sms_1"), EntryComparer.Instance);
            Assert.Null(await log.GetAsync("missing"));
            Assert.Equal(["em_2", "sms_1"], Ids(await log.FindAsync(new MessageLogQuery(CustomerId: "cus_1"))));
            Assert.Equal(["sms_1"], Ids(await log.FindAsync(new MessageLogQuery(Status: DeliveryStatus.Sent))));
            Assert.Equal(["em_3", "em_2"], Ids(await log.FindAsync(new MessageLogQuery(Channel: "email"))));
            var page = await log.FindAsync(new MessageLogQuery(Skip: 1, Take: 1));
            Assert.Equal(["em_2"], Ids(page));
            Assert.Equal(3, page.Total);
        }
    }

    private static string[] Ids(Page<MessageLogEntry> page) => [.. page.Items.Select(e => e.MessageId)];

    private static MessageLogEntry Entry(string id, string channel, string customer, DeliveryStatus status, DateTimeOffset at, long version) =>
        new(id, channel, "key-" + id, customer, "1001", null, null, ["+15550000001"], channel == "email" ? "Subject" : null, "Body", null, status,
            [new MessageStatusChange(DeliveryStatus.Queued, at, null), new MessageStatusChange(status, at.AddSeconds(1), "why")], at, version);

    private static TickStatus Tick(DateTimeOffset at) => new(at.UtcDateTime, TimeSpan.FromMinutes(1), at.UtcDateTime);

    /// <summary>Entries compare by value, their lists by their items.</summary>
    private sealed class EntryComparer : IEqualityComparer<MessageLogEntry?>
    {
        public static readonly EntryComparer Instance = new();

        public bool Equals(MessageLogEntry? x, MessageLogEntry? y) =>
            x is not null && y is not null
            && x with { Recipients = [], History = [] } == y with { Recipients = [], History = [] }
            && x.Recipients.SequenceEqual(y.Recipients) && x.History.SequenceEqual(y.History);

        public int GetHashCode(MessageLogEntry? obj) => obj?.MessageId.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
