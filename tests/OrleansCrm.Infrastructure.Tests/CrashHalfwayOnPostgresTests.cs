using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Grains.Messaging;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Infrastructure.Payments;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// A crash halfway leaves nothing half done, on PostgreSQL: a step of a request fails (a reminder registration, an
/// index write) the way it fails when a silo dies under it, the client retries, and every part derived from the
/// stored state is then in place — exactly once.
/// </summary>
public sealed class CrashHalfwayOnPostgresTests : IAsyncLifetime
{
    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateMigratedAsync("crash");

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Theory]
    [InlineData(Step.EmailReminder)]
    [InlineData(Step.OrderReminder)]
    public async Task A_trial_order_whose_reminder_registration_failed_is_armed_indexed_known_to_its_customer_and_confirmed_once_after_the_clients_retry(Step failing)
    {
        var faults = new Faults();
        await using var api = new FaultyPostgresApiFactory(database.ConnectionString, faults);
        var driver = new OrderDriver(api.Admin());
        await driver.EnsureOfferAsync();
        var email = $"{Guid.NewGuid():N}@example.it";
        var customerId = await driver.CreateCustomerAsync(email: email);
        faults.FailNext(failing);
        var order = new { customerId, offerId = OrderDriver.Offer, currency = "USD", trial = true, cardToken = "tok_approve" };

        var first = await driver.PlaceAsync(order, "trial-1");
        var retry = await driver.PlaceAsync(order, "trial-1");

        await AssertTransientProblemAsync(first);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(0, faults.Pending);
        var number = (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var reminder = await api.Services.GetRequiredService<IReminderTable>()
            .ReadRow(grains.GetGrain<IOrderGrain>(number).GetGrainId(), DueWork.ReminderName);
        Assert.NotNull(reminder); // the day-7 reminder, and after it the day-15 product charge, will run
        var indexed = await api.Admin().GetFromJsonAsync<JsonElement>($"/api/v1/orders?q={number}");
        Assert.Equal("Trial", Assert.Single(indexed.GetProperty("items").EnumerateArray()).GetProperty("status").GetString());
        var customerOrders = await api.Admin().GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/orders");
        Assert.Contains(customerOrders.EnumerateArray(), o => o.GetProperty("number").GetString() == number);
        Assert.Contains(number, (await grains.GetGrain<ICustomerGrain>(customerId).GetAsync())!.OrderNumbers);
        var outbox = api.Services.GetRequiredService<IEmailOutbox>();
        var confirmation = await Eventually.WaitForAsync(
            () => outbox.GetAsync($"{number}:{WorkflowIds.OrderConfirmation}"), d => d is { Status: not Domain.Messaging.DeliveryStatus.Queued }, TimeSpan.FromSeconds(30));
        Assert.Equal(("Sent", 1), (confirmation!.Status.ToString(), confirmation.Attempts));
        Assert.Single(api.Mail.MessagesTo(email));
        Assert.Equal(1, await api.Services.GetRequiredService<ISandboxLedger>().CountAsync($"{number}:{WorkflowIds.ShippingCharge}"));
    }

    [Fact]
    public async Task An_email_sent_whose_reminder_could_not_be_removed_is_Sent_in_the_message_log_and_its_order_is_told()
    {
        var faults = new Faults();
        await using var api = new FaultyPostgresApiFactory(database.ConnectionString, faults);
        var driver = new OrderDriver(api.Admin());
        await driver.EnsureOfferAsync();
        var email = $"{Guid.NewGuid():N}@example.it";
        var customerId = await driver.CreateCustomerAsync(email: email);
        faults.FailNext(Step.EmailReminderRemoval);

        var (number, _) = await driver.PlaceTrialAsync(customerId: customerId);

        await api.Mail.WaitForMessagesAsync(m => m.IsTo(email), 1, TimeSpan.FromSeconds(30));
        var logged = await Eventually.WaitForAsync(
            () => database.ScalarAsync<string>($"SELECT coalesce(max(status), 'none') FROM crm_messages WHERE order_number = '{number}' AND channel = 'email'"),
            status => status == "Sent",
            TimeSpan.FromSeconds(30));
        Assert.Equal("Sent", logged);
        Assert.Equal(0, faults.Pending);
        var confirmation = (await driver.WorkflowAsync(number))[WorkflowIds.OrderConfirmation];
        Assert.Equal("Completed", confirmation.GetProperty("status").GetString());
        Assert.Single(api.Mail.MessagesTo(email));
    }

    [Fact]
    public async Task An_order_activation_after_a_failed_index_write_repairs_its_row()
    {
        var faults = new Faults();
        await using var api = new FaultyPostgresApiFactory(database.ConnectionString, faults);
        var driver = new OrderDriver(api.Admin());
        await driver.EnsureOfferAsync();
        var (number, _) = await driver.PlaceTrialAsync();
        await driver.EmailsSettledAsync(number); // the outbox's report on the confirmation has reached the order
        faults.FailNext(Step.OrderIndex);

        var cancel = await api.Admin().PostAsJsonAsync($"/api/v1/orders/{number}/cancel", new { reason = "changed her mind" });

        await AssertTransientProblemAsync(cancel);
        Assert.Equal("Trial", await IndexedStatusAsync(number)); // the state says Cancelled, the row does not yet
        Assert.Equal("Cancelled", await driver.StatusAsync(number)); // the next entry activates the order afresh...
        Assert.Equal("Cancelled", await IndexedStatusAsync(number)); // ...which writes its row at the state's version
        Assert.Equal(0, faults.Pending);
    }

    [Fact]
    public async Task A_customer_whose_directory_write_failed_gets_its_row_on_the_next_entry_and_the_failure_is_a_503_with_Retry_After()
    {
        var faults = new Faults();
        await using var api = new FaultyPostgresApiFactory(database.ConnectionString, faults);
        var body = Payloads.Customer("Giulia Neri");
        faults.FailNext(Step.CustomerIndex);

        var first = await PostWithKeyAsync(api.Admin(), "/api/v1/customers", body, "new-customer-1");
        var rows = await database.ScalarAsync<long>("SELECT count(*) FROM crm_customers WHERE name = 'Giulia Neri'");
        var retry = await PostWithKeyAsync(api.Admin(), "/api/v1/customers", body, "new-customer-1");

        await AssertTransientProblemAsync(first);
        Assert.Equal(0, rows); // the state row was written, the directory row was not
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var id = (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var found = await api.Admin().GetFromJsonAsync<JsonElement>("/api/v1/customers?q=giulia");
        Assert.Equal(id, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT count(*) FROM orleans_grain_state WHERE grain_id_extension LIKE 'cus%'"));
    }

    private static async Task AssertTransientProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to retry");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private Task<string> IndexedStatusAsync(string number) =>
        database.ScalarAsync<string>($"SELECT status FROM crm_orders WHERE number = '{number}'");

    public enum Step
    {
        /// <summary>The order confirmation's outbox entry arms its retry (where the reminder service of a dead silo failed in the cluster run).</summary>
        EmailReminder,

        /// <summary>The order arms its own reminder after its due work and index row.</summary>
        OrderReminder,

        /// <summary>An outbox email removes its reminder once it is sent (where the fault run found the message log left at Queued).</summary>
        EmailReminderRemoval,

        OrderIndex,

        CustomerIndex,
    }

    /// <summary>Steps that fail once, the way they fail when the silo serving them dies or the database blinks.</summary>
    public sealed class Faults
    {
        private readonly Lock gate = new();
        private readonly HashSet<Step> pending = [];

        public int Pending
        {
            get
            {
                lock (gate)
                {
                    return pending.Count;
                }
            }
        }

        public void FailNext(Step step)
        {
            lock (gate)
            {
                pending.Add(step);
            }
        }

        public void At(Step step, Func<Exception> failure)
        {
            lock (gate)
            {
                if (!pending.Remove(step))
                {
                    return;
                }
            }

            throw failure();
        }

        public static Exception SiloDied() => new SiloUnavailableException("The silo holding the reminder service became unavailable.");

        public static Exception DatabaseBlinked() => new NpgsqlException("Exception while connecting", new SocketException((int)SocketError.ConnectionRefused));
    }

    private sealed class FailingScheduler(IDueWorkScheduler inner, Faults faults) : IDueWorkScheduler
    {
        public bool Plan(ArmedDueWork armed, DateTimeOffset? nextDue) => inner.Plan(armed, nextDue);

        public Task ArmAsPlannedAsync(Grain grain, ArmedDueWork armed)
        {
            FailFor(grain, armed);
            return inner.ArmAsPlannedAsync(grain, armed);
        }

        private void FailFor(Grain grain, ArmedDueWork armed)
        {
            if (grain is OutboxEmailGrain)
            {
                faults.At(Step.EmailReminder, Faults.SiloDied);
                if (armed.DueAt is null)
                {
                    faults.At(Step.EmailReminderRemoval, Faults.SiloDied);
                }
            }
            else if (grain is IOrderGrain)
            {
                faults.At(Step.OrderReminder, Faults.SiloDied);
            }
        }
    }

    private sealed class FailingOrderDirectory(IOrderDirectory inner, Faults faults) : IOrderDirectory
    {
        public Task UpsertAsync(OrderEntry entry, CancellationToken cancellationToken = default)
        {
            faults.At(Step.OrderIndex, Faults.DatabaseBlinked);
            return inner.UpsertAsync(entry, cancellationToken);
        }

        public Task<Page<OrderEntry>> SearchAsync(OrderQuery query, CancellationToken cancellationToken = default) => inner.SearchAsync(query, cancellationToken);

        public Task<Page<OrderEntry>> OverdueAsync(DateTimeOffset dueBefore, int skip, int take, CancellationToken cancellationToken = default) =>
            inner.OverdueAsync(dueBefore, skip, take, cancellationToken);
    }

    private sealed class FailingCustomerDirectory(ICustomerDirectory inner, Faults faults) : ICustomerDirectory
    {
        public Task UpsertAsync(CustomerEntry entry, CancellationToken cancellationToken = default)
        {
            faults.At(Step.CustomerIndex, Faults.DatabaseBlinked);
            return inner.UpsertAsync(entry, cancellationToken);
        }

        public Task<Page<CustomerEntry>> SearchAsync(string? query, int skip, int take, CancellationToken cancellationToken = default) =>
            inner.SearchAsync(query, skip, take, cancellationToken);
    }

    /// <summary>The api on PostgreSQL with email to a local SMTP sink, its scheduler and indexes failing where the test says.</summary>
    private sealed class FaultyPostgresApiFactory(string connectionString, Faults faults) : CrmApiFactory
    {
        public SmtpSink Mail { get; } = SmtpSink.Start();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Crm"] = connectionString,
            ["Smtp:Host"] = Mail.Host,
            ["Smtp:Port"] = Mail.Port.ToString(CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IDueWorkScheduler>(sp => new FailingScheduler(ActivatorUtilities.CreateInstance<ReminderDueWorkScheduler>(sp), faults));
                services.AddSingleton<IOrderDirectory>(sp => new FailingOrderDirectory(ActivatorUtilities.CreateInstance<ReadModel.PostgresOrderDirectory>(sp), faults));
                services.AddSingleton<ICustomerDirectory>(sp => new FailingCustomerDirectory(ActivatorUtilities.CreateInstance<ReadModel.PostgresCustomerDirectory>(sp), faults));
            });
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Mail.DisposeAsync();
            GC.SuppressFinalize(this);
        }
    }
}
