using Npgsql;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Infrastructure.ReadModel;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>What every order index must do, whichever store it lives in.</summary>
public abstract class OrderDirectoryContract : IAsyncLifetime
{
    [Fact]
    public async Task An_instant_of_the_business_clock_whole_microseconds_reads_back_exactly_and_bounds_it_exactly()
    {
        var at = Monday.AddTicks(1234560); // CrmClock hands out whole microseconds, the precision PostgreSQL keeps
        await UpsertAllAsync(Entry("100001", placedAt: at));

        Assert.Equal(at, (await Directory.SearchAsync(new OrderQuery())).Items.Single().PlacedAt);
        Assert.Empty(await NumbersAsync(new OrderQuery(From: at.AddTicks(TimeSpan.TicksPerMicrosecond))));
        Assert.Single(await NumbersAsync(new OrderQuery(From: at)));
        Assert.Empty(await NumbersAsync(new OrderQuery(To: at)));
    }

    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected IOrderDirectory Directory { get; set; } = null!;

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();

    private static OrderEntry Entry(
        string number,
        OrderStatus status = OrderStatus.Paid,
        string customerId = "c1",
        string name = "Mario Rossi",
        string? email = "mario@example.it",
        string phone = "+390611111111",
        DateTimeOffset? placedAt = null,
        long version = 1,
        decimal total = 49.5m,
        bool trial = false,
        string? mainOrderNumber = null,
        DateTimeOffset? nextDueAt = null) =>
        new(number, customerId, name, email, phone, status, "EUR", total, trial, placedAt ?? Monday, mainOrderNumber, version, nextDueAt);

    private async Task<List<string>> NumbersAsync(OrderQuery query) => [.. (await Directory.SearchAsync(query)).Items.Select(e => e.Number)];

    private async Task UpsertAllAsync(params OrderEntry[] entries)
    {
        foreach (var entry in entries)
        {
            await Directory.UpsertAsync(entry);
        }
    }

    [Fact]
    public async Task An_entry_reads_back_with_every_field_as_it_was_written()
    {
        var upsell = new OrderEntry("100002", "c7", "Anna Bianchi", null, "+390622222222", OrderStatus.Shipped, "JPY", 5400m, false, Monday.AddMinutes(5), "100001", 4);
        var trial = new OrderEntry("100001", "c7", "Anna Bianchi", "anna@example.it", "+390622222222", OrderStatus.Trial, "BHD", 12.345m, true, Monday, null, 2);
        await UpsertAllAsync(upsell, trial);

        var page = await Directory.SearchAsync(new OrderQuery());

        Assert.Equal([upsell, trial], page.Items);
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task An_order_total_reads_back_at_its_currency_s_precision_JPY_without_decimals_USD_with_two_BHD_with_three()
    {
        await UpsertAllAsync(
            new OrderEntry("100001", "c1", "Mario Rossi", null, "+390611111111", OrderStatus.Paid, "JPY", 6500m, false, Monday, null, 1),
            new OrderEntry("100002", "c1", "Mario Rossi", null, "+390611111111", OrderStatus.Paid, "USD", 54.9m, false, Monday.AddMinutes(1), null, 1),
            new OrderEntry("100003", "c1", "Mario Rossi", null, "+390611111111", OrderStatus.Paid, "BHD", 12.345m, false, Monday.AddMinutes(2), null, 1),
            new OrderEntry("100004", "c1", "Mario Rossi", null, "+390611111111", OrderStatus.Paid, "USD", 54.900m, false, Monday.AddMinutes(3), null, 1));

        var totals = (await Directory.SearchAsync(new OrderQuery())).Items
            .ToDictionary(e => e.Number, e => e.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("6500", totals["100001"]);
        Assert.Equal("54.90", totals["100002"]);
        Assert.Equal("12.345", totals["100003"]);
        Assert.Equal("54.90", totals["100004"]);
    }

    [Fact]
    public async Task A_status_filter_returns_the_orders_in_any_of_the_statuses_and_no_filter_returns_all()
    {
        await UpsertAllAsync(
            Entry("100001", OrderStatus.Paid),
            Entry("100002", OrderStatus.Pending),
            Entry("100003", OrderStatus.Shipped),
            Entry("100004", OrderStatus.Cancelled));

        Assert.Equal(["100003", "100001"], await NumbersAsync(new OrderQuery([OrderStatus.Paid, OrderStatus.Shipped])));
        Assert.Equal(["100002"], await NumbersAsync(new OrderQuery([OrderStatus.Pending])));
        Assert.Empty(await NumbersAsync(new OrderQuery([OrderStatus.Refunded])));
        Assert.Equal(["100004", "100003", "100002", "100001"], await NumbersAsync(new OrderQuery([])));
        Assert.Equal(["100004", "100003", "100002", "100001"], await NumbersAsync(new OrderQuery()));
    }

    [Fact]
    public async Task Text_is_found_in_the_order_number_customer_name_email_or_phone_in_any_case()
    {
        await UpsertAllAsync(
            Entry("100001", customerId: "c1", name: "Mario Rossi", email: "mario@example.it", phone: "+390611111111"),
            Entry("100002", customerId: "c2", name: "Anna Bianchi", email: "anna@shop.example", phone: "+390622222222"),
            Entry("100003", customerId: "c3", name: "Luca Verdi", email: null, phone: "+390633333333"));

        Assert.Equal(["100001"], await NumbersAsync(new OrderQuery(Text: "ROSSI")));
        Assert.Equal(["100002"], await NumbersAsync(new OrderQuery(Text: "bIaNcHi")));
        Assert.Equal(["100002"], await NumbersAsync(new OrderQuery(Text: "ANNA@SHOP")));
        Assert.Equal(["100003"], await NumbersAsync(new OrderQuery(Text: "0633333")));
        Assert.Equal(["100003"], await NumbersAsync(new OrderQuery(Text: "+390633333333")));
        Assert.Equal(["100002"], await NumbersAsync(new OrderQuery(Text: "100002")));
        Assert.Equal(["100003", "100002", "100001"], await NumbersAsync(new OrderQuery(Text: "1000")));
        Assert.Equal(["100001"], await NumbersAsync(new OrderQuery(Text: "  rossi  ")));
        Assert.Equal(["100003", "100002", "100001"], await NumbersAsync(new OrderQuery(Text: "   ")));
        Assert.Empty(await NumbersAsync(new OrderQuery(Text: "nobody")));
    }

    [Fact]
    public async Task Like_wildcards_and_the_escape_character_in_the_text_are_matched_literally()
    {
        await UpsertAllAsync(
            Entry("100001", name: "100% Satisfied", email: "a_b@example.it"),
            Entry("100002", name: @"Back\slash Ltd", email: "ab@example.it"),
            Entry("100003", name: "Plain Name", email: "plain@example.it"));

        Assert.Equal(["100001"], await NumbersAsync(new OrderQuery(Text: "100%")));
        Assert.Equal(["100001"], await NumbersAsync(new OrderQuery(Text: "a_b@")));
        Assert.Equal(["100002"], await NumbersAsync(new OrderQuery(Text: @"k\s")));
        Assert.Empty(await NumbersAsync(new OrderQuery(Text: "_lain")));
        Assert.Empty(await NumbersAsync(new OrderQuery(Text: "P%Name")));
    }

    [Fact]
    public async Task The_date_range_includes_from_and_excludes_to()
    {
        await UpsertAllAsync(
            Entry("100001", placedAt: Monday),
            Entry("100002", placedAt: Monday.AddDays(1)),
            Entry("100003", placedAt: Monday.AddDays(2)));

        Assert.Equal(["100002"], await NumbersAsync(new OrderQuery(From: Monday.AddDays(1), To: Monday.AddDays(2))));
        Assert.Equal(["100003", "100002"], await NumbersAsync(new OrderQuery(From: Monday.AddDays(1))));
        Assert.Equal(["100001"], await NumbersAsync(new OrderQuery(To: Monday.AddDays(1))));
        Assert.Equal(["100003"], await NumbersAsync(new OrderQuery(From: Monday.AddDays(1).AddSeconds(1))));
        Assert.Empty(await NumbersAsync(new OrderQuery(From: Monday.AddDays(3))));
    }

    [Fact]
    public async Task The_date_range_compares_instants_whatever_the_offset_they_are_written_in()
    {
        var rome = TimeSpan.FromHours(1);
        await UpsertAllAsync(
            Entry("100001", placedAt: Monday.ToOffset(rome)),
            Entry("100002", placedAt: Monday.AddHours(1)));

        Assert.Equal(["100001"], await NumbersAsync(new OrderQuery(From: Monday.ToOffset(TimeSpan.FromHours(-5)), To: Monday.AddMinutes(30).ToOffset(rome))));
        Assert.Equal(Monday, (await Directory.SearchAsync(new OrderQuery(Text: "100001"))).Items.Single().PlacedAt);
    }

    [Fact]
    public async Task The_customer_filter_returns_only_that_customer_s_orders()
    {
        await UpsertAllAsync(
            Entry("100001", customerId: "c1"),
            Entry("100002", customerId: "c2"),
            Entry("100003", customerId: "c1"),
            Entry("100004", customerId: "c10"));

        Assert.Equal(["100003", "100001"], await NumbersAsync(new OrderQuery(CustomerId: "c1")));
        Assert.Equal(["100004"], await NumbersAsync(new OrderQuery(CustomerId: "c10")));
        Assert.Empty(await NumbersAsync(new OrderQuery(CustomerId: "C1")));
        Assert.Empty(await NumbersAsync(new OrderQuery(CustomerId: "nobody")));
    }

    [Fact]
    public async Task Filters_combine()
    {
        await UpsertAllAsync(
            Entry("100001", OrderStatus.Paid, customerId: "c1", name: "Mario Rossi", placedAt: Monday),
            Entry("100002", OrderStatus.Paid, customerId: "c1", name: "Mario Rossi", placedAt: Monday.AddDays(1)),
            Entry("100003", OrderStatus.Pending, customerId: "c1", name: "Mario Rossi", placedAt: Monday.AddDays(1)),
            Entry("100004", OrderStatus.Paid, customerId: "c2", name: "Anna Rossi", placedAt: Monday.AddDays(1)),
            Entry("100005", OrderStatus.Paid, customerId: "c3", name: "Luca Verdi", placedAt: Monday.AddDays(1)));

        Assert.Equal(["100004", "100002"], await NumbersAsync(new OrderQuery([OrderStatus.Paid], "rossi", Monday.AddDays(1), Monday.AddDays(2))));
        Assert.Equal(["100002"], await NumbersAsync(new OrderQuery([OrderStatus.Paid], "rossi", Monday.AddDays(1), Monday.AddDays(2), "c1")));
    }

    [Fact]
    public async Task Results_are_newest_first_and_orders_placed_at_the_same_instant_come_highest_number_first()
    {
        await UpsertAllAsync(
            Entry("100001", placedAt: Monday.AddDays(2)),
            Entry("100002", placedAt: Monday),
            Entry("100003", placedAt: Monday.AddDays(1)),
            Entry("100004", placedAt: Monday.AddDays(1)),
            Entry("100005", placedAt: Monday.AddMinutes(-1)));

        Assert.Equal(["100001", "100004", "100003", "100002", "100005"], await NumbersAsync(new OrderQuery()));
    }

    [Fact]
    public async Task Pages_skip_and_take_and_the_total_counts_every_match()
    {
        for (var day = 0; day < 5; day++)
        {
            await Directory.UpsertAsync(Entry($"10000{day}", placedAt: Monday.AddDays(day)));
        }

        await Directory.UpsertAsync(Entry("200000", name: "Someone Else", placedAt: Monday.AddDays(9)));

        var page = await Directory.SearchAsync(new OrderQuery(Text: "rossi", Skip: 1, Take: 2));
        Assert.Equal(["100003", "100002"], page.Items.Select(e => e.Number));
        Assert.Equal(5, page.Total);
        Assert.Equal(1, page.Skip);
        Assert.Equal(2, page.Take);

        var last = await Directory.SearchAsync(new OrderQuery(Text: "rossi", Skip: 4, Take: 2));
        Assert.Equal(["100000"], last.Items.Select(e => e.Number));
        Assert.Equal(5, last.Total);

        var beyond = await Directory.SearchAsync(new OrderQuery(Text: "rossi", Skip: 10, Take: 2));
        Assert.Empty(beyond.Items);
        Assert.Equal(5, beyond.Total);

        Assert.Equal(6, (await Directory.SearchAsync(new OrderQuery(Take: 1))).Total);
        Assert.Equal(0, (await Directory.SearchAsync(new OrderQuery(Text: "nobody", Skip: 3))).Total);
    }

    [Fact]
    public async Task The_next_due_instant_reads_back_as_written_and_a_newer_version_moves_or_clears_it()
    {
        var due = Monday.AddDays(7).AddTicks(4560);
        await UpsertAllAsync(Entry("100001", OrderStatus.Trial, nextDueAt: due), Entry("100002"));

        Assert.Equal([due, null], (await Directory.SearchAsync(new OrderQuery())).Items.OrderBy(e => e.Number).Select(e => e.NextDueAt));

        await Directory.UpsertAsync(Entry("100001", OrderStatus.Trial, version: 2, nextDueAt: due.AddDays(6)));
        Assert.Equal(due.AddDays(6), (await Directory.SearchAsync(new OrderQuery(Text: "100001"))).Items.Single().NextDueAt);
        await Directory.UpsertAsync(Entry("100001", OrderStatus.Paid, version: 3));
        Assert.Null((await Directory.SearchAsync(new OrderQuery(Text: "100001"))).Items.Single().NextDueAt);
    }

    [Fact]
    public async Task Overdue_work_is_every_order_whose_next_due_instant_is_before_the_bound_earliest_first_deleted_ones_too()
    {
        await UpsertAllAsync(
            Entry("100001", OrderStatus.Trial, nextDueAt: Monday.AddHours(2)),
            Entry("100002", OrderStatus.Pending, nextDueAt: Monday),
            Entry("100003", OrderStatus.Deleted, nextDueAt: Monday.AddHours(1)),
            Entry("100004", OrderStatus.Trial, nextDueAt: Monday.AddHours(3)),
            Entry("100005", OrderStatus.Paid),
            Entry("100006", OrderStatus.Trial, nextDueAt: Monday.AddHours(1)));

        var overdue = await Directory.OverdueAsync(Monday.AddHours(3), 0, 50);

        Assert.Equal(["100002", "100003", "100006", "100001"], overdue.Items.Select(e => e.Number));
        Assert.Equal(4, overdue.Total);
        var page = await Directory.OverdueAsync(Monday.AddHours(3), 1, 2);
        Assert.Equal(["100003", "100006"], page.Items.Select(e => e.Number));
        Assert.Equal(4, page.Total);
        Assert.Equal(4, (await Directory.OverdueAsync(Monday.AddHours(3), 10, 2)).Total);
        Assert.Empty((await Directory.OverdueAsync(Monday, 0, 50)).Items);
    }

    [Fact]
    public async Task Deleted_orders_are_never_found_even_when_asked_for_by_status()
    {
        await UpsertAllAsync(
            Entry("100001", OrderStatus.Paid),
            Entry("100002", OrderStatus.Deleted),
            Entry("100003", OrderStatus.Paid, version: 1));
        await Directory.UpsertAsync(Entry("100003", OrderStatus.Deleted, version: 2));

        Assert.Equal(["100001"], await NumbersAsync(new OrderQuery()));
        Assert.Empty(await NumbersAsync(new OrderQuery([OrderStatus.Deleted])));
        Assert.Empty(await NumbersAsync(new OrderQuery(Text: "100002")));
        Assert.Equal(["100001"], await NumbersAsync(new OrderQuery(CustomerId: "c1")));
        Assert.Equal(1, (await Directory.SearchAsync(new OrderQuery())).Total);
    }

    [Fact]
    public async Task A_late_write_with_an_older_version_never_overwrites_a_newer_one()
    {
        await Directory.UpsertAsync(Entry("100001", OrderStatus.Shipped, name: "New Name", version: 3, total: 60m));
        await Directory.UpsertAsync(Entry("100001", OrderStatus.Paid, name: "Old Name", version: 2, total: 50m));
        await Directory.UpsertAsync(Entry("100001", OrderStatus.Pending, name: "Same Version", version: 3));

        var found = Assert.Single((await Directory.SearchAsync(new OrderQuery())).Items);
        Assert.Equal("New Name", found.CustomerName);
        Assert.Equal(OrderStatus.Shipped, found.Status);
        Assert.Equal(60m, found.Total);
        Assert.Equal(3, found.Version);

        await Directory.UpsertAsync(Entry("100001", OrderStatus.Deleted, version: 4));
        await Directory.UpsertAsync(Entry("100001", OrderStatus.Paid, version: 3));

        Assert.Empty((await Directory.SearchAsync(new OrderQuery())).Items);
    }

    [Fact]
    public async Task A_newer_version_replaces_the_entry()
    {
        await Directory.UpsertAsync(Entry("100001", OrderStatus.Trial, name: "Mario Rossi", version: 1, trial: true));
        await Directory.UpsertAsync(Entry("100001", OrderStatus.Paid, name: "Mario Rossi-Verdi", email: null, version: 5, trial: true, total: 54.9m));

        var found = Assert.Single((await Directory.SearchAsync(new OrderQuery([OrderStatus.Paid], "verdi"))).Items);
        Assert.Equal(5, found.Version);
        Assert.Null(found.CustomerEmail);
        Assert.Equal(54.9m, found.Total);
        Assert.Empty(await NumbersAsync(new OrderQuery([OrderStatus.Trial])));
    }

    [Fact]
    public async Task Accented_names_are_found_in_any_case()
    {
        await UpsertAllAsync(Entry("100001", name: "Élodie Müller-Niño"));

        Assert.Equal(["100001"], await NumbersAsync(new OrderQuery(Text: "élodie")));
        Assert.Equal(["100001"], await NumbersAsync(new OrderQuery(Text: "MÜLLER")));
        Assert.Equal(["100001"], await NumbersAsync(new OrderQuery(Text: "NIÑO")));
    }
}

public sealed class InMemoryOrderDirectoryTests : OrderDirectoryContract
{
    public override ValueTask InitializeAsync()
    {
        Directory = new InMemoryOrderDirectory();
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public sealed class PostgresOrderDirectoryTests : OrderDirectoryContract
{
    private TestDatabase database = null!;
    private NpgsqlDataSource dataSource = null!;
    private PostgresOrderDirectory directory = null!;

    public override async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync("orders");
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        Directory = directory = new PostgresOrderDirectory(dataSource);
    }

    public override async ValueTask DisposeAsync()
    {
        await directory.DisposeAsync();
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }
}
