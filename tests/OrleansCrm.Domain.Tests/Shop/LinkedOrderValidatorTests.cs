using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Domain.Tests.Shop;

public sealed class LinkedOrderValidatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddMinutes(12);
    private static readonly DateTimeOffset SyncedLater = End.AddHours(10);

    private static LinkToJudge Link(string incrementId = "100000123", DateTimeOffset? end = null) =>
        new("call-1", new ShopOrderKey("default", incrementId), "jsmith", Start, end ?? End);

    private static ShopOrder Order(string incrementId = "100000123", string? rep = "jsmith", DateTimeOffset? createdAt = null) =>
        new("default", incrementId, "id-" + incrementId, createdAt ?? Start.AddMinutes(5), "pending", 49.90m, "USD", "ann@example.com", "+15551234567", rep);

    private static LinkVerdict Judge(LinkToJudge link, IReadOnlyCollection<ShopOrder> chain, int calls = 1, DateTimeOffset? synced = null) =>
        LinkedOrderValidator.Judge(link, chain, calls, synced ?? SyncedLater);

    [Fact]
    public void An_order_made_by_the_calls_rep_during_the_call_and_linked_once_is_valid()
    {
        var verdict = Judge(Link(), [Order()]);

        Assert.Equal(LinkStatus.Valid, verdict.Status);
        Assert.Empty(verdict.Reasons);
        Assert.Equal("100000123", verdict.JudgedOrder!.IncrementId);
    }

    [Fact]
    public void The_rep_is_compared_without_regard_to_case_or_surrounding_spaces()
    {
        Assert.Equal(LinkStatus.Valid, Judge(Link(), [Order(rep: " JSmith ")]).Status);
    }

    [Fact]
    public void An_order_the_shop_does_not_have_is_invalid_with_no_such_order()
    {
        var verdict = Judge(Link(), []);

        Assert.Equal(LinkStatus.Invalid, verdict.Status);
        Assert.Equal([LinkReason.NoSuchOrder], verdict.Reasons);
    }

    [Fact]
    public void An_order_another_rep_created_is_invalid_with_another_reps_order()
    {
        Assert.Equal([LinkReason.AnotherRepsOrder], Judge(Link(), [Order(rep: "mrossi")]).Reasons);
    }

    [Fact]
    public void An_order_without_a_rep_is_invalid_with_no_rep_on_order_and_not_another_reps()
    {
        Assert.Equal([LinkReason.NoRepOnOrder], Judge(Link(), [Order(rep: null)]).Reasons);
        Assert.Equal([LinkReason.NoRepOnOrder], Judge(Link(), [Order(rep: "  ")]).Reasons);
    }

    [Fact]
    public void An_order_created_before_the_call_started_is_invalid_with_created_out_of_range()
    {
        Assert.Equal([LinkReason.CreatedOutOfRange], Judge(Link(), [Order(createdAt: Start.AddSeconds(-1))]).Reasons);
    }

    [Fact]
    public void An_order_created_exactly_at_the_calls_start_is_in_range()
    {
        Assert.Equal(LinkStatus.Valid, Judge(Link(), [Order(createdAt: Start)]).Status);
    }

    [Fact]
    public void An_order_created_exactly_two_hours_after_the_calls_end_is_in_range()
    {
        Assert.Equal(LinkStatus.Valid, Judge(Link(), [Order(createdAt: End.AddHours(2))]).Status);
    }

    [Fact]
    public void An_order_created_one_second_after_the_calls_end_plus_two_hours_is_out_of_range()
    {
        Assert.Equal([LinkReason.CreatedOutOfRange], Judge(Link(), [Order(createdAt: End.AddHours(2).AddSeconds(1))]).Reasons);
    }

    [Fact]
    public void An_order_linked_to_two_calls_is_invalid_with_linked_to_several_calls()
    {
        Assert.Equal([LinkReason.LinkedToSeveralCalls], Judge(Link(), [Order()], calls: 2).Reasons);
    }

    [Fact]
    public void Every_reason_that_applies_is_given_at_once()
    {
        var verdict = Judge(Link(), [Order(rep: "mrossi", createdAt: Start.AddDays(-1))], calls: 3);

        Assert.Equal([LinkReason.AnotherRepsOrder, LinkReason.CreatedOutOfRange, LinkReason.LinkedToSeveralCalls], verdict.Reasons);
    }

    [Fact]
    public void A_missing_order_linked_to_two_calls_gives_both_no_such_order_and_linked_to_several_calls()
    {
        Assert.Equal([LinkReason.NoSuchOrder, LinkReason.LinkedToSeveralCalls], Judge(Link(), [], calls: 2).Reasons);
    }

    [Fact]
    public void An_order_re_created_in_the_shop_is_judged_by_its_newest_edition_and_is_valid_when_that_one_is()
    {
        var verdict = Judge(Link("100000123"), [Order("100000123"), Order("100000123-1", createdAt: Start.AddMinutes(30))]);

        Assert.Equal(LinkStatus.Valid, verdict.Status);
        Assert.Equal("100000123-1", verdict.JudgedOrder!.IncrementId);
    }

    [Fact]
    public void A_re_created_order_whose_newest_edition_fails_is_invalid_with_its_reasons_and_order_replaced()
    {
        var chain = new[] { Order("100000123"), Order("100000123-1"), Order("100000123-2", rep: "mrossi", createdAt: Start.AddDays(1)) };

        var verdict = Judge(Link("100000123"), chain);

        Assert.Equal([LinkReason.AnotherRepsOrder, LinkReason.CreatedOutOfRange, LinkReason.OrderReplaced], verdict.Reasons);
        Assert.Equal("100000123-2", verdict.JudgedOrder!.IncrementId);
    }

    [Fact]
    public void A_link_to_the_newest_edition_is_not_replaced_and_an_older_edition_does_not_stand_for_it()
    {
        Assert.Equal(LinkStatus.Valid, Judge(Link("100000123-1"), [Order("100000123"), Order("100000123-1")]).Status);
        Assert.Equal([LinkReason.NoSuchOrder], Judge(Link("100000123-1"), [Order("100000123")]).Reasons);
    }

    [Fact]
    public void A_link_whose_window_ends_after_the_last_finished_sync_stays_pending_awaiting_sync_and_never_no_such_order()
    {
        var verdict = Judge(Link(), [], synced: End.AddHours(2).AddSeconds(-1));

        Assert.Equal(LinkStatus.PendingValidation, verdict.Status);
        Assert.Equal([LinkReason.AwaitingSync], verdict.Reasons);
    }

    [Fact]
    public void A_sync_whose_watermark_is_exactly_the_windows_end_covers_it()
    {
        Assert.Equal(LinkStatus.Invalid, Judge(Link(), [], synced: End.AddHours(2)).Status);
    }

    [Fact]
    public void Before_any_sync_has_finished_every_link_awaits_sync()
    {
        Assert.Equal([LinkReason.AwaitingSync], LinkedOrderValidator.Judge(Link(), [Order()], 1, syncedUpTo: null).Reasons);
    }

    [Fact]
    public void A_link_on_a_call_still_open_awaits_sync_since_its_window_has_no_end_yet()
    {
        var open = new LinkToJudge("call-1", new ShopOrderKey("default", "100000123"), "jsmith", Start, CallEnd: null);

        Assert.Equal(LinkStatus.PendingValidation, Judge(open, [Order()]).Status);
    }
}
