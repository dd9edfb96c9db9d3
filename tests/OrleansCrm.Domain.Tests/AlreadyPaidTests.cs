using OrleansCrm.Domain.Orders;
using static OrleansCrm.Domain.Tests.OrderTestData;

namespace OrleansCrm.Domain.Tests;

/// <summary>PRODUCT.md §3: an order marked Already paid is never called about again, in any campaign; the mark lives on the order.</summary>
public sealed class AlreadyPaidTests
{
    [Fact]
    public void Marking_an_order_already_paid_records_when_who_and_on_which_call_with_a_system_note()
    {
        var order = Unpaid();

        order.MarkAlreadyPaid("call-1", "Paid by bank transfer", Day(1), Agent);

        Assert.Equal(new AlreadyPaidMark(Day(1), Agent, "call-1"), order.AlreadyPaid);
        var note = order.Notes[^1];
        Assert.True(note.System);
        Assert.Contains("already paid", Said.Text(note), StringComparison.Ordinal);
        Assert.Contains("Paid by bank transfer", Said.Text(note), StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Pending, order.Status);
        Assert.Equal(new OrderCallingFacts(Number, Maria.Id, Deleted: false, AlreadyPaidAt: Day(1)), order.CallingFacts());
    }

    [Fact]
    public void An_order_is_marked_already_paid_once_a_later_call_changes_nothing()
    {
        var order = Unpaid();
        order.MarkAlreadyPaid("call-1", null, Day(1), Agent);
        var before = Snapshot(order);

        order.MarkAlreadyPaid("call-2", "Says it again", Day(2), "agent-2");

        Assert.Equal(new AlreadyPaidMark(Day(1), Agent, "call-1"), order.AlreadyPaid);
        Assert.Equal(before, Snapshot(order));
    }

    [Fact]
    public void The_calling_facts_of_an_order_say_whether_it_is_marked_already_paid_or_deleted()
    {
        var order = Unpaid();

        Assert.Null(order.CallingFacts().AlreadyPaidAt);
        order.Delete(Day(1), "admin-1");
        Assert.True(order.CallingFacts().Deleted);
    }
}
