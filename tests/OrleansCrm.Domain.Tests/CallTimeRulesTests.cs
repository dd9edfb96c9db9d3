using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Domain.Tests;

public sealed class CallTimeRulesTests
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    private static DateTimeOffset RomeTime(int year, int month, int day, int hour, int minute) =>
        new(new DateTime(year, month, day, hour, minute, 0), Rome.GetUtcOffset(new DateTime(year, month, day, hour, minute, 0)));

    [Fact]
    public void The_seed_example_no_contact_at_10_05_is_due_at_11_05_then_no_contact_at_11_45_is_due_at_11_45_the_next_day()
    {
        var first = NoContactRetryPolicy.NextAttemptAt(RomeTime(2026, 3, 2, 10, 5), 1, RetryPolicy.Default);
        Assert.Equal(RomeTime(2026, 3, 2, 11, 5), first);

        var second = NoContactRetryPolicy.NextAttemptAt(RomeTime(2026, 3, 2, 11, 45), 2, RetryPolicy.Default);
        Assert.Equal(RomeTime(2026, 3, 3, 11, 45), second);
    }

    [Fact]
    public void Every_further_no_contact_comes_back_24_hours_after_that_call_s_actual_time()
    {
        var called = RomeTime(2026, 3, 3, 12, 17);

        Assert.Equal(called.AddHours(24), NoContactRetryPolicy.NextAttemptAt(called, 3, RetryPolicy.Default));
        Assert.Equal(called.AddHours(24), NoContactRetryPolicy.NextAttemptAt(called, 7, RetryPolicy.Default));
    }

    [Fact]
    public void The_campaign_retry_policy_sets_the_delays()
    {
        var called = RomeTime(2026, 3, 2, 10, 0);

        Assert.Equal(called.AddMinutes(30), NoContactRetryPolicy.NextAttemptAt(called, 1, new RetryPolicy(FirstRetryMinutes: 30)));
        Assert.Equal(called.AddHours(48), NoContactRetryPolicy.NextAttemptAt(called, 2, new RetryPolicy(NextRetryMinutes: 2880)));
    }

    [Theory]
    [InlineData("Europe/Rome")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Tokyo")]
    public void A_contact_is_called_only_between_9_and_20_on_their_own_wall_clock(string zone)
    {
        var window = CallingWindow.For(CallingHours.Default, zone);
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        DateTimeOffset Local(int hour, int minute) => CallingWindow.ToInstant(new DateOnly(2026, 3, 10), new TimeOnly(hour, minute), tz);

        Assert.False(window.IsOpen(Local(8, 59)));
        Assert.True(window.IsOpen(Local(9, 0)));
        Assert.True(window.IsOpen(Local(19, 59)));
        Assert.False(window.IsOpen(Local(20, 0)));
        Assert.Equal(Local(9, 0), window.NextOpening(Local(6, 30)));
        Assert.Equal(Local(14, 0), window.NextOpening(Local(14, 0)));
        Assert.Equal(CallingWindow.ToInstant(new DateOnly(2026, 3, 11), new TimeOnly(9, 0), tz), window.NextOpening(Local(21, 15)));
    }

    [Fact]
    public void One_instant_is_inside_the_window_in_one_zone_and_outside_in_another()
    {
        var noonUtc = new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

        Assert.True(CallingWindow.For(CallingHours.Default, "Europe/Rome").IsOpen(noonUtc));          // 13:00
        Assert.False(CallingWindow.For(CallingHours.Default, "America/New_York").IsOpen(noonUtc));    // 08:00
        Assert.False(CallingWindow.For(CallingHours.Default, "Asia/Tokyo").IsOpen(noonUtc));          // 21:00
    }

    [Fact]
    public void A_window_opens_at_9_local_on_the_day_daylight_saving_starts()
    {
        var window = CallingWindow.For(CallingHours.Default, "America/New_York");

        var opening = window.NextOpening(new DateTimeOffset(2026, 3, 8, 5, 0, 0, TimeSpan.Zero)); // 00:00 EST, the night clocks go forward

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 9, 0, 0, TimeSpan.FromHours(-4)), opening);
    }

    [Fact]
    public void The_booking_reminder_is_at_13_00_the_day_before_in_the_customer_s_zone_even_across_a_daylight_saving_change()
    {
        // Rome moves to summer time on 29 March 2026: the meeting is after, the reminder before.
        var meeting = new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.FromHours(2));

        var reminder = BookingReminderPlan.ReminderAt(meeting, "Europe/Rome");

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 13, 0, 0, TimeSpan.FromHours(2)), reminder);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.FromHours(2)), BookingReminderPlan.ReminderAt(meeting, "Europe/Rome", new TimeOnly(12, 0)));

        // A meeting on the switch day: the reminder the day before is still on winter time.
        var onSwitchDay = new DateTimeOffset(2026, 3, 29, 10, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 13, 0, 0, TimeSpan.FromHours(1)), BookingReminderPlan.ReminderAt(onSwitchDay, "Europe/Rome"));
    }

    [Fact]
    public void The_booking_reminder_of_a_customer_in_Tokyo_follows_Tokyo_s_calendar_day()
    {
        var meeting = new DateTimeOffset(2026, 5, 12, 1, 0, 0, TimeSpan.Zero); // 10:00 on 12 May in Tokyo

        Assert.Equal(new DateTimeOffset(2026, 5, 11, 13, 0, 0, TimeSpan.FromHours(9)), BookingReminderPlan.ReminderAt(meeting, "Asia/Tokyo"));
    }
}
