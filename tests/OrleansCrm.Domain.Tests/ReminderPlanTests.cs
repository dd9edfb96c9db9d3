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

    [Fact]
    public void A_reminder_not_yet_started_fires_at_its_start_and_one_that_started_fires_on_its_next_period()
    {
        Assert.Equal(TimeSpan.FromHours(2), ReminderPlan.NextFireIn(Now, Now.AddHours(2), Retry));
        Assert.Equal(TimeSpan.FromSeconds(20), ReminderPlan.NextFireIn(Now, Now.AddMinutes(-10).AddSeconds(-40), Retry));
        Assert.Equal(TimeSpan.Zero, ReminderPlan.NextFireIn(Now, Now.AddMinutes(-3), Retry));
    }

    [Fact]
    public void An_armed_reminder_is_in_time_when_it_fires_no_later_than_planned_on_the_retry_period()
    {
        var planned = TimeSpan.FromDays(7);

        Assert.True(ReminderPlan.ArmedInTime(planned, Retry, planned, Retry));
        Assert.True(ReminderPlan.ArmedInTime(TimeSpan.FromDays(2), Retry, planned, Retry)); // early: the tick re-arms
        Assert.True(ReminderPlan.ArmedInTime(planned + TimeSpan.FromMilliseconds(300), Retry, planned, Retry));
        Assert.False(ReminderPlan.ArmedInTime(planned + TimeSpan.FromMinutes(1), Retry, planned, Retry)); // late: work would wait
        Assert.False(ReminderPlan.ArmedInTime(planned, TimeSpan.FromMinutes(5), planned, Retry)); // a failed tick would wait too long
    }
}
