using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Domain.Tests;

/// <summary>The rules of automated SMS: opt-out keywords, quiet hours in the recipient's zone, the frequency cap, forward-only status.</summary>
public sealed class SmsRulesTests
{
    private static readonly QuietHours Evening = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("  Stop \n")]
    [InlineData("S T O P")]
    [InlineData("unsubscribe")]
    [InlineData("Arret")]
    [InlineData("BASTA")]
    public void Stop_keywords_opt_out_whatever_their_case_and_spaces(string text) => Assert.True(OptOutKeywords.OptsOut(text));

    [Theory]
    [InlineData("START")]
    [InlineData(" start ")]
    public void Start_opts_back_in(string text) => Assert.False(OptOutKeywords.OptsOut(text));

    [Theory]
    [InlineData("Please stop calling me")]
    [InlineData("STOPP")]
    [InlineData("ARRÊT")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_text_is_no_keyword(string? text) => Assert.Null(OptOutKeywords.OptsOut(text));

    [Fact]
    public void An_automated_SMS_due_inside_the_evening_quiet_hours_waits_for_their_end_the_next_morning_in_the_recipients_zone()
    {
        // 22:30 in Rome (UTC+1 in winter) is 21:30 UTC.
        var due = new DateTimeOffset(2026, 3, 2, 21, 30, 0, TimeSpan.Zero);

        var until = Evening.DeferredUntil(due, "Europe/Rome");

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 7, 0, 0, TimeSpan.Zero), until); // 08:00 in Rome
    }

    [Fact]
    public void An_automated_SMS_due_in_the_early_morning_waits_until_the_end_of_the_quiet_hours_the_same_day()
    {
        var due = new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.Zero); // 06:00 in Rome

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero), Evening.DeferredUntil(due, "Europe/Rome"));
    }

    [Fact]
    public void Quiet_hours_are_read_on_the_recipients_wall_clock_not_the_servers()
    {
        var due = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero); // 15:00 in Rome, 23:00 in Tokyo

        Assert.Null(Evening.DeferredUntil(due, "Europe/Rome"));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero), Evening.DeferredUntil(due, "Asia/Tokyo")); // 08:00 in Tokyo
    }

    [Fact]
    public void Outside_the_quiet_hours_an_SMS_goes_at_once_and_their_end_is_outside_them()
    {
        Assert.Null(Evening.DeferredUntil(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero), "Europe/Rome")); // 08:00 sharp
        Assert.NotNull(Evening.DeferredUntil(new DateTimeOffset(2026, 3, 2, 20, 0, 0, TimeSpan.Zero), "Europe/Rome")); // 21:00 sharp
    }

    [Fact]
    public void Quiet_hours_within_one_day_defer_to_their_end_that_day()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0));

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero), lunch.DeferredUntil(new DateTimeOffset(2026, 3, 2, 11, 30, 0, TimeSpan.Zero), "Europe/Rome"));
        Assert.Null(lunch.DeferredUntil(new DateTimeOffset(2026, 3, 2, 13, 0, 0, TimeSpan.Zero), "Europe/Rome"));
    }

    [Fact]
    public void The_end_of_quiet_hours_in_a_spring_forward_gap_is_the_first_minute_that_exists()
    {
        var night = new QuietHours(new TimeOnly(1, 0), new TimeOnly(2, 30));

        // 29 March 2026, Rome: 02:00 jumps to 03:00. 01:30 local is 00:30 UTC.
        var until = night.DeferredUntil(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero), "Europe/Rome");

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), until); // 03:00 CEST
    }

    [Theory]
    [InlineData("21:00-08:00", true)]
    [InlineData(" 22:30 - 07:15 ", true)]
    [InlineData("21-8", false)]
    [InlineData("25:00-08:00", false)]
    [InlineData("21:00", false)]
    public void Quiet_hours_are_written_as_two_times_of_day(string text, bool valid) => Assert.Equal(valid, QuietHours.Parse(text) is not null);

    [Fact]
    public void The_frequency_cap_allows_up_to_its_count_within_the_window_and_forgets_older_sends()
    {
        var now = new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
        var cap = new FrequencyCap(2, TimeSpan.FromHours(24));

        Assert.True(cap.Allows([now.AddHours(-1)], now));
        Assert.False(cap.Allows([now.AddHours(-1), now.AddHours(-23)], now));
        Assert.True(cap.Allows([now.AddHours(-1), now.AddHours(-25)], now));
        Assert.True(new FrequencyCap(0, TimeSpan.FromHours(1)).Allows([now, now, now], now)); // 0: no cap
    }

    [Theory]
    [InlineData(DeliveryStatus.Queued, DeliveryStatus.Sent, true)]
    [InlineData(DeliveryStatus.Queued, DeliveryStatus.Delivered, true)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Delivered, true)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Undeliverable, true)]
    [InlineData(DeliveryStatus.Queued, DeliveryStatus.Skipped, true)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Sent, false)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Sent, false)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Undeliverable, false)]
    [InlineData(DeliveryStatus.Undeliverable, DeliveryStatus.Delivered, false)]
    [InlineData(DeliveryStatus.Failed, DeliveryStatus.Delivered, false)]
    [InlineData(DeliveryStatus.Skipped, DeliveryStatus.Sent, false)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Queued, false)]
    public void A_message_status_only_moves_forward_and_a_final_one_never_changes(DeliveryStatus from, DeliveryStatus to, bool moves) =>
        Assert.Equal(moves, DeliveryStatuses.CanMove(from, to));
}
