using OrleansCrm.Testing;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Infrastructure.Messaging;
using static OrleansCrm.Messaging.Tests.Emails;

namespace OrleansCrm.Messaging.Tests;

[Collection(PickupClusterCollection.Name)]
public sealed class PickupOutboxTests(PickupClusterFixture fixture)
{
    [Fact]
    public async Task The_pickup_transport_writes_one_eml_per_message_into_a_temp_folder()
    {
        string[] keys = [NewKey("order-2001-placed"), NewKey("order-2002-placed")];

        var deliveries = new List<EmailDelivery>();
        foreach (var key in keys)
        {
            var grain = fixture.Client.GetGrain<IOutboxEmailGrain>(key);
            await grain.SendAsync(Message(key));

            // Sending records; the outbox writes the file on its own turn.
            deliveries.Add((await Eventually.WaitForAsync(grain.GetAsync, d => d!.Status != DeliveryStatus.Queued, Wait))!);
        }

        await fixture.Client.GetGrain<IOutboxEmailGrain>(keys[0]).SendAsync(Message(keys[0]));

        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        var files = Directory.GetFiles(fixture.PickupFolder, "*.eml").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(deliveries.Select(d => PickupFolderEmailTransport.FileNameFor(d.MessageId)).Order(StringComparer.Ordinal), files);
        foreach (var delivery in deliveries)
        {
            var mime = Load(Path.Combine(fixture.PickupFolder, PickupFolderEmailTransport.FileNameFor(delivery.MessageId)));
            Assert.Equal(delivery.MessageId, $"<{mime.MessageId}>");
            Assert.Equal(delivery.Recipient, mime.To.Mailboxes.Single().Address);
            Assert.Equal("Your order is confirmed", mime.Subject);
        }
    }
}
