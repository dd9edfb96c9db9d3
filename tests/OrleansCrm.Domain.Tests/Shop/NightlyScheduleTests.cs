using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Domain.Tests.Shop;

public sealed class NightlyScheduleTests
{
    private static readonly NightlySchedule NewYork = NightlySchedule.Default;

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0, int year = 2026) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void On_an_ordinary_winter_day_two_in_the_morning_in_new_york_is_seven_utc()
    {
        Assert.Equal(Utc(1, 15, 7), NewYork.NextAfter(Utc(1, 14, 12)));
    }

    [Fact]
    public void On_an_ordinary_summer_day_two_in_the_morning_in_new_york_is_six_utc()
    {
        Assert.Equal(Utc(7, 15, 6), NewYork.NextAfter(Utc(7, 14, 12)));
    }

    [Fact]
    public void On_the_spring_forward_day_the_run_happens_once_at_three_edt_which_is_seven_utc()
    {
        var first = NewYork.NextAfter(Utc(3, 7, 12));
        var second = NewYork.NextAfter(first);

        Assert.Equal(Utc(3, 8, 7), first);
        Assert.Equal(new DateOnly(2026, 3, 8), NewYork.BusinessDateOf(first));
        Assert.Equal(Utc(3, 9, 6), second);
    }

    [Fact]
    public void On_the_fall_back_day_the_run_happens_once_at_two_est_which_is_seven_utc()
    {
        var first = NewYork.NextAfter(Utc(10, 31, 12));
        var second = NewYork.NextAfter(first);

        Assert.Equal(Utc(11, 1, 7), first);
        Assert.Equal(new DateOnly(2026, 11, 1), NewYork.BusinessDateOf(first));
        Assert.Equal(Utc(11, 2, 7), second);
    }

    [Fact]
    public void Nothing_is_due_before_the_scheduled_instant()
    {
        Assert.Null(NewYork.DueAt(Utc(1, 15, 7), Utc(1, 15, 6, 59)));
    }

    [Fact]
    public void At_the_scheduled_instant_one_run_is_due_for_that_business_date_and_the_next_is_the_following_night()
    {
        var run = NewYork.DueAt(Utc(1, 15, 7), Utc(1, 15, 7))!;

        Assert.Equal(new DateOnly(2026, 1, 15), run.BusinessDate);
        Assert.Equal(Utc(1, 16, 7), run.NextRunAt);
    }

    [Fact]
    public void Nights_missed_while_the_cluster_was_down_are_caught_up_by_one_run_for_the_latest_night()
    {
        var run = NewYork.DueAt(Utc(1, 15, 7), Utc(1, 18, 12))!;

        Assert.Equal(new DateOnly(2026, 1, 18), run.BusinessDate);
        Assert.Equal(Utc(1, 18, 7), run.ScheduledFor);
        Assert.Equal(Utc(1, 19, 7), run.NextRunAt);
        Assert.Null(NewYork.DueAt(run.NextRunAt, Utc(1, 18, 12)));
    }

    [Fact]
    public void The_time_and_zone_are_settings()
    {
        var rome = new NightlySchedule("30 3 * * *", "Europe/Rome");

        Assert.Equal(Utc(1, 15, 2, 30), rome.NextAfter(Utc(1, 14, 12)));
        Assert.Throws<ArgumentException>(() => new NightlySchedule("not cron", "Europe/Rome"));
        Assert.Throws<ArgumentException>(() => new NightlySchedule("0 2 * * *", "Eastern Standard Time"));
    }
}
