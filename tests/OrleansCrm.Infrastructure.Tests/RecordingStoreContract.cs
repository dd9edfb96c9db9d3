using OrleansCrm.Contracts.Ports;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using OrleansCrm.Grains.Calls;
using OrleansCrm.Infrastructure.Calls;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>What every recording store must do, whichever store it lives in.</summary>
public abstract class RecordingStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    protected IRecordingStore Store { get; set; } = null!;

    public abstract ValueTask InitializeAsync();

    public abstract ValueTask DisposeAsync();

    [Fact]
    public async Task A_recording_reads_back_byte_for_byte_with_its_size_and_lowercase_SHA256()
    {
        var content = new byte[1_500_000];
        new Random(42).NextBytes(content);
        var storedAt = Monday.AddTicks(1234560); // whole microseconds, the precision PostgreSQL keeps

        var saved = await Store.SaveAsync("call-1", "audio/ogg", content, storedAt);
        var read = await Store.GetAsync("call-1");

        Assert.NotNull(read);
        Assert.Equal(new RecordingInfo("call-1", "audio/ogg", content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), storedAt), saved);
        Assert.Equal(saved, read.Value.Info);
        Assert.Equal(content, read.Value.Content);
    }

    [Fact]
    public async Task The_hash_is_the_SHA256_of_the_content_in_lowercase_hex()
    {
        var saved = await Store.SaveAsync("call-1", "audio/wav", Encoding.ASCII.GetBytes("abc"), Monday);

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", saved.Sha256);
        Assert.Equal(3, saved.Size);
    }

    [Fact]
    public async Task An_empty_recording_is_stored_with_size_zero()
    {
        await Store.SaveAsync("call-1", "audio/wav", ReadOnlyMemory<byte>.Empty, Monday);

        var read = await Store.GetAsync("call-1");

        Assert.NotNull(read);
        Assert.Equal(0, read.Value.Info.Size);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", read.Value.Info.Sha256);
        Assert.Empty(read.Value.Content);
    }

    [Fact]
    public async Task Only_the_given_slice_of_memory_is_stored()
    {
        var buffer = Encoding.ASCII.GetBytes("xxabcxx");

        await Store.SaveAsync("call-1", "audio/wav", buffer.AsMemory(2, 3), Monday);

        var read = await Store.GetAsync("call-1");
        Assert.NotNull(read);
        Assert.Equal("abc"u8.ToArray(), read.Value.Content);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", read.Value.Info.Sha256);
    }

    [Fact]
    public async Task Saving_again_replaces_the_recording()
    {
        await Store.SaveAsync("call-1", "audio/wav", new byte[] { 1, 2, 3, 4 }, Monday);
        var second = await Store.SaveAsync("call-1", "audio/ogg", new byte[] { 9, 8 }, Monday.AddMinutes(5));

        var read = await Store.GetAsync("call-1");

        Assert.NotNull(read);
        Assert.Equal(second, read.Value.Info);
        Assert.Equal(("audio/ogg", 2L), (read.Value.Info.ContentType, read.Value.Info.Size));
        Assert.Equal(new byte[] { 9, 8 }, read.Value.Content);
    }

    [Fact]
    public async Task Each_call_has_its_own_recording()
    {
        await Store.SaveAsync("call-1", "audio/wav", new byte[] { 1 }, Monday);
        await Store.SaveAsync("call-2", "audio/wav", new byte[] { 2, 2 }, Monday);

        Assert.Equal(new byte[] { 1 }, (await Store.GetAsync("call-1"))?.Content);
        Assert.Equal(new byte[] { 2, 2 }, (await Store.GetAsync("call-2"))?.Content);
    }

    [Fact]
    public async Task A_call_without_a_recording_has_none()
    {
        await Store.SaveAsync("call-1", "audio/wav", new byte[] { 1 }, Monday);

        Assert.Null(await Store.GetAsync("call-2"));
        Assert.Null(await Store.GetAsync("CALL-1"));
    }

    [Fact]
    public async Task Deleting_removes_the_recording_and_deleting_twice_or_deleting_nothing_is_fine()
    {
        await Store.SaveAsync("call-1", "audio/wav", new byte[] { 1 }, Monday);
        await Store.SaveAsync("call-2", "audio/wav", new byte[] { 2 }, Monday);

        await Store.DeleteAsync("call-1");
        await Store.DeleteAsync("call-1");
        await Store.DeleteAsync("never-recorded");

        Assert.Null(await Store.GetAsync("call-1"));
        Assert.NotNull(await Store.GetAsync("call-2"));
    }

    [Fact]
    public async Task Changing_the_bytes_handed_in_or_out_does_not_change_the_stored_recording()
    {
        var content = new byte[] { 1, 2, 3 };
        await Store.SaveAsync("call-1", "audio/wav", content, Monday);
        content[0] = 99;
        var first = await Store.GetAsync("call-1");
        first!.Value.Content[1] = 99;

        Assert.Equal(new byte[] { 1, 2, 3 }, (await Store.GetAsync("call-1"))?.Content);
    }
}

public sealed class InMemoryRecordingStoreTests : RecordingStoreContract
{
    public override ValueTask InitializeAsync()
    {
        Store = new InMemoryRecordingStore();
        return ValueTask.CompletedTask;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

public sealed class PostgresRecordingStoreTests : RecordingStoreContract
{
    private TestDatabase database = null!;
    private NpgsqlDataSource dataSource = null!;

    public override async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync("recordings");
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        Store = new PostgresRecordingStore(dataSource);
    }

    public override async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }
}
