using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Infrastructure.Messaging;
using static OrleansCrm.Messaging.Tests.Emails;

namespace OrleansCrm.Messaging.Tests;

public sealed class PickupFolderEmailTransportTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "orleanscrm-pickup-" + Guid.NewGuid().ToString("N"), "mail");

    [Fact]
    public async Task The_pickup_transport_creates_its_folder_and_writes_one_eml_named_after_the_Message_Id()
    {
        var transport = Transport();

        var path = await transport.DeliverAsync(new EmailMessage("k1", "mario@customers.test", "Mario Rossi", "Booked", "See you."), "<0a1b2c@orleanscrm>", CancellationToken.None);

        Assert.Equal(Path.Combine(folder, "0a1b2c@orleanscrm.eml"), path);
        Assert.Equal([path], Directory.GetFiles(folder));
        var mime = Load(path);
        Assert.Equal(("0a1b2c@orleanscrm", "Booked", "mario@customers.test"), (mime.MessageId, mime.Subject, mime.To.Mailboxes.Single().Address));
        Assert.Equal("crm@localhost", mime.From.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Writing_the_same_message_again_keeps_one_file_per_message()
    {
        var transport = Transport();

        await transport.DeliverAsync(Message("k1"), "<one@orleanscrm>", CancellationToken.None);
        await transport.DeliverAsync(Message("k1"), "<one@orleanscrm>", CancellationToken.None);
        await transport.DeliverAsync(Message("k2"), "<two@orleanscrm>", CancellationToken.None);

        Assert.Equal(["one@orleanscrm.eml", "two@orleanscrm.eml"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_Message_Id_becomes_a_safe_file_name()
    {
        Assert.Equal("a_b_c@orleanscrm.eml", PickupFolderEmailTransport.FileNameFor("<a/b\\c@orleanscrm>"));
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(folder)!;
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private PickupFolderEmailTransport Transport() => new(
        new EmailSettings { PickupFolder = folder },
        new FakeTimeProvider(new DateTimeOffset(2026, 5, 4, 14, 30, 0, TimeSpan.Zero)),
        NullLogger<PickupFolderEmailTransport>.Instance);
}
