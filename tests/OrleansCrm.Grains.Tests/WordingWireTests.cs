using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Presentation;

namespace OrleansCrm.Grains.Tests;

/// <summary>A sentence inside a sentence (a reason, the rows a note names) is stored and crosses a grain call with the sentence.</summary>
public sealed class WordingWireTests
{
    private static readonly IServiceProvider Orleans = new ServiceCollection().AddSerializer().BuildServiceProvider();

    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_wording_with_sentences_inside_survives_Orleans_serializer_and_copier()
    {
        var wording = OrderWording.NoteChargesHeld.With(new List<Wording> { OrderWording.RowShippingCharge.With(), OrderWording.RowResent.With(OrderWording.Text.With("Order charge")) });
        var serializer = Orleans.GetRequiredService<Serializer>();

        var back = serializer.Deserialize<Wording>(serializer.SerializeToArray(wording));
        var copy = Orleans.GetRequiredService<DeepCopier>().Copy(wording);

        Assert.Equal("Auto-payments disabled: Shipping & handling charge, Order charge (resent) on hold.", EnglishWording.Render(back!));
        Assert.Equal(EnglishWording.Render(wording), EnglishWording.Render(copy!));
    }

    [Fact]
    public void A_status_change_keeps_its_reason_wording_and_an_order_change_its_description_wording()
    {
        var serializer = Orleans.GetRequiredService<Serializer>();
        var status = new StatusChange(OrderStatus.Trial, OrderStatus.Cancelled, At, "agent-1", "", OrderWording.Cancelled.With(CallWording.RefusalOn.With("call-1", "too expensive")));
        var change = new OrderChange("change-1", OrderChangeKind.FulfillmentReleased, At, "agent-1", "", DescriptionWording: OrderWording.NoteFulfillmentReleased.With("agent-1"));

        var statusBack = serializer.Deserialize<StatusChange>(serializer.SerializeToArray(status));
        var changeBack = serializer.Deserialize<OrderChange>(serializer.SerializeToArray(change));

        Assert.Equal("Cancelled: Refusal on call call-1: too expensive", EnglishWording.Reason(statusBack!));
        Assert.Equal("Fulfillment released by agent-1.", EnglishWording.Description(changeBack!));
    }
}
