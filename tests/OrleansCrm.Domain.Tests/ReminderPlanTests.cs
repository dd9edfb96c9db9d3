using OrleansCrm.Domain.Scheduling;

namespace OrleansCrm.Domain.Tests;

public sealed class ReminderPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Retry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Cap = TimeSpan.FromDays(7);

    [Fact]
    public void A_future_item_is_armed_for_exactly_its_due_time()
    {
        Assert.Equal(TimeSpan.FromHours(3), ReminderPlan.DueIn(Now, Now.AddHours(3), Retry, Cap));
    }

    [Fact]
    public void An_item_already_due_waits_one_retry_period_instead_of_firing_in_a_loop()
    {
        Assert.Equal(Retry, ReminderPlan.DueIn(Now, Now, Retry, Cap));
        Assert.Equal(Retry, ReminderPlan.DueIn(Now, Now.AddDays(-2), Retry, Cap));
    }

    [Fact]
    public void A_far_future_item_is_reached_in_hops_no_longer_than_the_cap()
    {
        Assert.Equal(Cap, ReminderPlan.DueIn(Now, Now.AddDays(30), Retry, Cap));
    }
}
