using OrleansCrm.Contracts.Ports;
using OrleansCrm.Infrastructure.ReadModel;
using OrleansCrm.Testing;
using Npgsql;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>What every customer index must do, whichever store it lives in.</summary>
public abstract class CustomerDirectoryContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected ICustomerDirectory Directory { get; set; } = null!;

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();

    private static CustomerEntry Entry(string id, string name, long version = 1, int day = 0, string? email = null, string phone = "+390612345678") =>
        new(id, name, email, phone, Monday.AddDays(day), version);

    [Fact]
    public async Task A_customer_is_found_by_part_of_name_email_or_phone_in_any_case()
    {
        await Directory.UpsertAsync(Entry("c1", "Mario Rossi", email: "mario@example.it", phone: "+390611111111"));
        await Directory.UpsertAsync(Entry("c2", "Anna Bianchi", email: "anna@example.it", phone: "+390622222222"));

        Assert.Equal(["c1"], (await Directory.SearchAsync("ROSSI", 0, 10)).Items.Select(c => c.Id));
        Assert.Equal(["c2"], (await Directory.SearchAsync("anna@", 0, 10)).Items.Select(c => c.Id));
        Assert.Equal(["c2"], (await Directory.SearchAsync("0622222", 0, 10)).Items.Select(c => c.Id));
    }

    [Fact]
    public async Task A_late_write_with_an_older_version_never_overwrites_a_newer_one()
    {
        await Directory.UpsertAsync(Entry("c1", "New Name", version: 3));
        await Directory.UpsertAsync(Entry("c1", "Old Name", version: 2));

        var found = Assert.Single((await Directory.SearchAsync(null, 0, 10)).Items);
        Assert.Equal("New Name", found.Name);
        Assert.Equal(3, found.Version);
    }

    [Fact]
    public async Task Pages_are_newest_first_and_the_total_counts_every_match()
    {
        for (var day = 0; day < 5; day++)
        {
            await Directory.UpsertAsync(Entry($"c{day}", $"Customer {day}", day: day));
        }

        var page = await Directory.SearchAsync("customer", 1, 2);

        Assert.Equal(5, page.Total);
        Assert.Equal(["c3", "c2"], page.Items.Select(c => c.Id));
        Assert.Equal(5, (await Directory.SearchAsync(null, 10, 2)).Total);
    }

    [Fact]
    public async Task Like_wildcards_in_a_query_are_matched_literally()
    {
        await Directory.UpsertAsync(Entry("c1", "100% Satisfied"));
        await Directory.UpsertAsync(Entry("c2", "Plain Name"));

        Assert.Equal(["c1"], (await Directory.SearchAsync("100%", 0, 10)).Items.Select(c => c.Id));
        Assert.Empty((await Directory.SearchAsync("_lain", 0, 10)).Items);
    }
}

public sealed class InMemoryCustomerDirectoryTests : CustomerDirectoryContract
{
    public override ValueTask InitializeAsync()
    {
        Directory = new InMemoryCustomerDirectory();
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public sealed class PostgresCustomerDirectoryTests : CustomerDirectoryContract
{
    private TestDatabase database = null!;
    private NpgsqlDataSource dataSource = null!;
    private PostgresCustomerDirectory directory = null!;

    public override async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync("directory");
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        Directory = directory = new PostgresCustomerDirectory(dataSource);
    }

    public override async ValueTask DisposeAsync()
    {
        await directory.DisposeAsync();
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }
}
