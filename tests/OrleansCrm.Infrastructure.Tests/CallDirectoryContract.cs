using Npgsql;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Infrastructure.Calls;
using OrleansCrm.Infrastructure.ReadModel;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>What every call index must do, whichever store it lives in.</summary>
public abstract class CallDirectoryContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected ICallDirectory Directory { get; set; } = null!;

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();

    private static CallEntry Call(
        string callId,
        string status = "Confirmed",
        string agentId = "a1",
        string? outcomeCode = "sale",
        string? outcomeLabel = "Sale",
        string? outcomeColor = "#2e7d32",
        DateTimeOffset? startedAt = null,
        DateTimeOffset? endedAt = null,
        string? customerId = "c1",
        string? orderNumber = null,
        string campaignId = "camp1",
        long version = 1)
    {
        var started = startedAt ?? Monday;
        return new CallEntry(
            callId, campaignId, "contact-" + callId, customerId, orderNumber, null, agentId, "Outbound", 1, started,
            status == "Open" ? null : endedAt ?? started.AddMinutes(3), status,
            status == "Confirmed" ? outcomeCode : null, status == "Confirmed" ? outcomeLabel : null, status == "Confirmed" ? "Positive" : null,
            status == "Confirmed" ? outcomeColor : null, null, version);
    }

    private async Task UpsertAllAsync(params CallEntry[] entries)
    {
        foreach (var entry in entries)
        {
            await Directory.UpsertAsync(entry);
        }
    }

    private async Task<List<string>> ForCustomerAsync(string customerId, int take = 100) =>
        [.. (await Directory.ForCustomerAsync(customerId, take)).Select(e => e.CallId)];

    private async Task<List<string>> ForOrderAsync(string orderNumber, int take = 100) =>
        [.. (await Directory.ForOrderAsync(orderNumber, take)).Select(e => e.CallId)];

    [Fact]
    public async Task An_entry_reads_back_with_every_field_as_it_was_written()
    {
        var confirmed = new CallEntry(
            "call-1", "camp-7", "contact-9", "c1", "100001", "task-3", "agent-2", "Inbound", 4, Monday, Monday.AddMinutes(7), "Confirmed",
            "callback", "Call back later", "Callback", "#ff9800", "Asked to be called after 18:00 — «urgente»", 6);
        var open = new CallEntry(
            "call-2", "camp-7", "contact-10", "c1", null, null, "agent-2", "Outbound", 1, Monday.AddMinutes(10), null, "Open",
            null, null, null, null, null, 1);
        await UpsertAllAsync(confirmed, open);

        Assert.Equal([open, confirmed], await Directory.ForCustomerAsync("c1", 10));
        Assert.Equal([confirmed], await Directory.ForOrderAsync("100001", 10));
    }

    [Fact]
    public async Task Instants_of_the_business_clock_whole_microseconds_read_back_exactly_and_bound_the_report_exactly()
    {
        var started = Monday.AddTicks(1234560); // CrmClock hands out whole microseconds, the precision PostgreSQL keeps
        var ended = started.AddTicks(98765430);
        await Directory.UpsertAsync(Call("call-1", startedAt: started, endedAt: ended));

        var read = Assert.Single(await Directory.ForCustomerAsync("c1", 10));
        Assert.Equal(started, read.StartedAt);
        Assert.Equal(ended, read.EndedAt);
        Assert.Single(await Directory.OutcomeCountsAsync(ended, ended.AddTicks(TimeSpan.TicksPerMicrosecond), null, null));
        Assert.Empty(await Directory.OutcomeCountsAsync(ended.AddTicks(TimeSpan.TicksPerMicrosecond), ended.AddHours(1), null, null));
        Assert.Empty(await Directory.OutcomeCountsAsync(ended.AddHours(-1), ended, null, null));
    }

    [Fact]
    public async Task An_older_version_never_overwrites_a_newer_one()
    {
        await Directory.UpsertAsync(Call("call-1", status: "Confirmed", outcomeCode: "sale", version: 3));
        await Directory.UpsertAsync(Call("call-1", status: "Open", version: 2));
        await Directory.UpsertAsync(Call("call-1", status: "Confirmed", outcomeCode: "no-answer", version: 3));

        var stored = Assert.Single(await Directory.ForCustomerAsync("c1", 10));
        Assert.Equal("Confirmed", stored.Status);
        Assert.Equal("sale", stored.OutcomeCode);
        Assert.Equal(3, stored.Version);
    }

    [Fact]
    public async Task A_newer_version_replaces_the_entry_including_the_customer_and_order_it_is_listed_under()
    {
        await Directory.UpsertAsync(Call("call-1", status: "Open", customerId: null, orderNumber: null, version: 1));
        await Directory.UpsertAsync(Call("call-1", status: "Confirmed", customerId: "c2", orderNumber: "100001", version: 2));

        var stored = Assert.Single(await Directory.ForCustomerAsync("c2", 10));
        Assert.Equal(("Confirmed", "sale", 2L), (stored.Status, stored.OutcomeCode, stored.Version));
        Assert.Equal(["call-1"], await ForOrderAsync("100001"));
    }

    [Fact]
    public async Task Concurrent_upserts_all_land_and_each_caller_returns_after_its_entry_is_stored()
    {
        var found = await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
        {
            var order = $"order-{i:D3}";
            await Directory.UpsertAsync(Call($"call-{i:D3}", customerId: "c-many", orderNumber: order, startedAt: Monday.AddSeconds(i)));
            return await ForOrderAsync(order);
        }));

        for (var i = 0; i < 500; i++)
        {
            Assert.Equal([$"call-{i:D3}"], found[i]);
        }

        Assert.Equal(500, (await Directory.ForCustomerAsync("c-many", 1000)).Count);
    }

    [Fact]
    public async Task Concurrent_versions_of_one_call_leave_the_highest_version_stored()
    {
        var versions = Enumerable.Range(1, 200).Reverse().Concat(Enumerable.Range(1, 200)).ToList();

        await Task.WhenAll(versions.Select(v => Directory.UpsertAsync(Call("call-1", outcomeCode: $"code-{v}", version: v))));

        var stored = Assert.Single(await Directory.ForCustomerAsync("c1", 10));
        Assert.Equal(200, stored.Version);
        Assert.Equal("code-200", stored.OutcomeCode);
    }

    [Fact]
    public async Task Discarded_calls_are_not_listed()
    {
        await UpsertAllAsync(
            Call("call-1", status: "Confirmed", orderNumber: "100001", startedAt: Monday),
            Call("call-2", status: "Discarded", orderNumber: "100001", startedAt: Monday.AddMinutes(1)),
            Call("call-3", status: "TimedOut", orderNumber: "100001", startedAt: Monday.AddMinutes(2)),
            Call("call-4", status: "Open", orderNumber: "100001", startedAt: Monday.AddMinutes(3)));

        Assert.Equal(["call-4", "call-3", "call-1"], await ForCustomerAsync("c1"));
        Assert.Equal(["call-4", "call-3", "call-1"], await ForOrderAsync("100001"));

        await Directory.UpsertAsync(Call("call-4", status: "Discarded", orderNumber: "100001", startedAt: Monday.AddMinutes(3), version: 2));

        Assert.Equal(["call-3", "call-1"], await ForCustomerAsync("c1"));
        Assert.Equal(["call-3", "call-1"], await ForOrderAsync("100001"));
    }

    [Fact]
    public async Task Lists_are_newest_first_calls_started_at_the_same_instant_highest_call_id_first_and_hold_at_most_take()
    {
        await UpsertAllAsync(
            Call("call-1", orderNumber: "100001", startedAt: Monday),
            Call("call-2", orderNumber: "100001", startedAt: Monday.AddHours(2)),
            Call("call-3", orderNumber: "100001", startedAt: Monday.AddHours(1)),
            Call("call-4", orderNumber: "100001", startedAt: Monday.AddHours(1)),
            Call("call-5", orderNumber: "100001", startedAt: Monday.AddMinutes(-1)));

        Assert.Equal(["call-2", "call-4", "call-3", "call-1", "call-5"], await ForCustomerAsync("c1"));
        Assert.Equal(["call-2", "call-4", "call-3", "call-1", "call-5"], await ForOrderAsync("100001"));
        Assert.Equal(["call-2", "call-4"], await ForCustomerAsync("c1", take: 2));
        Assert.Equal(["call-2"], await ForOrderAsync("100001", take: 1));
        Assert.Empty(await ForCustomerAsync("c1", take: 0));
    }

    [Fact]
    public async Task A_customer_s_list_holds_only_its_calls_and_an_order_s_list_only_the_calls_linked_to_it()
    {
        await UpsertAllAsync(
            Call("call-1", customerId: "c1", orderNumber: "100001", startedAt: Monday),
            Call("call-2", customerId: "c1", orderNumber: null, startedAt: Monday.AddMinutes(1)),
            Call("call-3", customerId: "c2", orderNumber: "100002", startedAt: Monday.AddMinutes(2)),
            Call("call-4", customerId: "c10", orderNumber: "1000011", startedAt: Monday.AddMinutes(3)),
            Call("call-5", customerId: null, orderNumber: null, startedAt: Monday.AddMinutes(4)));

        Assert.Equal(["call-2", "call-1"], await ForCustomerAsync("c1"));
        Assert.Equal(["call-3"], await ForCustomerAsync("c2"));
        Assert.Empty(await ForCustomerAsync("C1"));
        Assert.Equal(["call-1"], await ForOrderAsync("100001"));
        Assert.Empty(await ForOrderAsync("nobody"));
    }

    [Fact]
    public async Task The_report_counts_confirmed_calls_per_agent_and_outcome_in_the_half_open_range()
    {
        var from = Monday;
        var to = Monday.AddDays(1);
        await UpsertAllAsync(
            Call("call-01", agentId: "a1", outcomeCode: "sale", endedAt: from),
            Call("call-02", agentId: "a1", outcomeCode: "sale", endedAt: from.AddHours(5)),
            Call("call-03", agentId: "a1", outcomeCode: "no-answer", endedAt: from.AddHours(6)),
            Call("call-04", agentId: "a2", outcomeCode: "sale", endedAt: to.AddTicks(-TimeSpan.TicksPerMicrosecond)),
            Call("call-05", agentId: "a1", outcomeCode: "sale", endedAt: to),
            Call("call-06", agentId: "a1", outcomeCode: "sale", endedAt: from.AddTicks(-TimeSpan.TicksPerMicrosecond)),
            Call("call-07", agentId: "a1", status: "Open", startedAt: from.AddHours(1)),
            Call("call-08", agentId: "a1", status: "Discarded", startedAt: from.AddHours(1)),
            Call("call-09", agentId: "a1", status: "TimedOut", startedAt: from.AddHours(1)));

        var counts = await Directory.OutcomeCountsAsync(from, to, null, null);

        Assert.Equal(
            [("a1", "no-answer", 1), ("a1", "sale", 2), ("a2", "sale", 1)],
            counts.Select(c => (c.AgentId, c.OutcomeCode, c.Count)));
        Assert.Empty(await Directory.OutcomeCountsAsync(to.AddDays(1), to.AddDays(2), null, null));
    }

    [Fact]
    public async Task The_report_compares_instants_whatever_the_offset_they_are_written_in()
    {
        var rome = TimeSpan.FromHours(1);
        await UpsertAllAsync(
            Call("call-1", startedAt: Monday.AddMinutes(-3).ToOffset(rome), endedAt: Monday.ToOffset(rome)),
            Call("call-2", startedAt: Monday, endedAt: Monday.AddHours(1)));

        var counts = await Directory.OutcomeCountsAsync(Monday.ToOffset(TimeSpan.FromHours(-5)), Monday.AddMinutes(30).ToOffset(rome), null, null);

        Assert.Equal(1, Assert.Single(counts).Count);
    }

    [Fact]
    public async Task The_report_is_ordered_by_agent_then_outcome_code_ordinally()
    {
        await UpsertAllAsync(
            Call("call-1", agentId: "a2", outcomeCode: "sale"),
            Call("call-2", agentId: "a10", outcomeCode: "sale"),
            Call("call-3", agentId: "B", outcomeCode: "sale"),
            Call("call-4", agentId: "a2", outcomeCode: "Sale"),
            Call("call-5", agentId: "a2", outcomeCode: "no_answer"),
            Call("call-6", agentId: "a2", outcomeCode: "no-answer"));

        var counts = await Directory.OutcomeCountsAsync(Monday, Monday.AddDays(1), null, null);

        Assert.Equal(
            [("B", "sale"), ("a10", "sale"), ("a2", "Sale"), ("a2", "no-answer"), ("a2", "no_answer"), ("a2", "sale")],
            counts.Select(c => (c.AgentId, c.OutcomeCode)));
    }

    [Fact]
    public async Task The_report_takes_an_outcome_s_label_and_color_from_the_most_recent_call_of_the_group()
    {
        await UpsertAllAsync(
            Call("call-1", agentId: "a1", outcomeCode: "sale", outcomeLabel: "Old label", outcomeColor: "#111111", endedAt: Monday.AddHours(1)),
            Call("call-2", agentId: "a1", outcomeCode: "sale", outcomeLabel: "New label", outcomeColor: "#222222", endedAt: Monday.AddHours(3)),
            Call("call-3", agentId: "a1", outcomeCode: "sale", outcomeLabel: "Middle label", outcomeColor: "#333333", endedAt: Monday.AddHours(2)),
            Call("call-4", agentId: "a2", outcomeCode: "sale", outcomeLabel: "Vendita", outcomeColor: "#444444", endedAt: Monday.AddHours(1)));

        var counts = await Directory.OutcomeCountsAsync(Monday, Monday.AddDays(1), null, null);

        Assert.Equal(
            [new OutcomeCount("a1", "sale", "New label", "#222222", 3), new OutcomeCount("a2", "sale", "Vendita", "#444444", 1)],
            counts);
    }

    [Fact]
    public async Task The_report_keeps_to_the_campaign_and_the_agent_when_asked()
    {
        await UpsertAllAsync(
            Call("call-1", campaignId: "camp1", agentId: "a1"),
            Call("call-2", campaignId: "camp1", agentId: "a2"),
            Call("call-3", campaignId: "camp2", agentId: "a1"),
            Call("call-4", campaignId: "camp2", agentId: "a1"));
        var from = Monday;
        var to = Monday.AddDays(1);

        Assert.Equal([("a1", 1), ("a2", 1)], (await Directory.OutcomeCountsAsync(from, to, "camp1", null)).Select(c => (c.AgentId, c.Count)));
        Assert.Equal([("a1", 3)], (await Directory.OutcomeCountsAsync(from, to, null, "a1")).Select(c => (c.AgentId, c.Count)));
        Assert.Equal([("a1", 2)], (await Directory.OutcomeCountsAsync(from, to, "camp2", "a1")).Select(c => (c.AgentId, c.Count)));
        Assert.Empty(await Directory.OutcomeCountsAsync(from, to, "camp2", "a2"));
        Assert.Empty(await Directory.OutcomeCountsAsync(from, to, "nothing", null));
    }
}

public sealed class InMemoryCallDirectoryTests : CallDirectoryContract
{
    public override ValueTask InitializeAsync()
    {
        Directory = new InMemoryCallDirectory();
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public sealed class PostgresCallDirectoryTests : CallDirectoryContract
{
    private TestDatabase database = null!;
    private NpgsqlDataSource dataSource = null!;
    private PostgresCallDirectory directory = null!;

    public override async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync("calls");
        // 500 callers at once: a bounded pool keeps the test classes running side by side under the server's connection limit.
        dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 20 }.ConnectionString);
        Directory = directory = new PostgresCallDirectory(dataSource);
    }

    [Fact]
    public async Task An_entry_the_database_refuses_fails_only_its_own_upsert_not_the_others_written_with_it()
    {
        var monday = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        CallEntry Entry(int i, string? comment = null) =>
            new($"call-{i:D2}", "camp1", "k1", "c1", null, null, "a1", "Outbound", 1, monday.AddMinutes(i), null, "Open", null, null, null, null, comment, 1);

        // PostgreSQL text cannot hold a NUL character.
        var upserts = Enumerable.Range(0, 50).Select(i => Directory.UpsertAsync(Entry(i, i == 25 ? "bad\0comment" : null))).ToList();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => upserts[25]);
        Assert.StartsWith("22", refused.SqlState, StringComparison.Ordinal);
        await Task.WhenAll(upserts.Where((_, i) => i != 25));
        Assert.Equal(49, (await Directory.ForCustomerAsync("c1", 100)).Count);
    }

    public override async ValueTask DisposeAsync()
    {
        await directory.DisposeAsync();
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }
}
