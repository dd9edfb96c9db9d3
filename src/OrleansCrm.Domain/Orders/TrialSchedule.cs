using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Domain.Orders;

/// <summary>
/// When each step of a trial happens, counted from the instant the order was placed: the reminder
/// on day <c>reminderDay</c>, the extension offer <c>lead</c> days before the trial ends, the
/// product charge at <c>placedAt + trialDays</c>, or <c>+ extensionDays</c> more once extended.
/// </summary>
public sealed record TrialSchedule(DateTimeOffset PlacedAt, int TrialDays, int ExtensionDays, int ReminderDay, int ExtensionOfferDaysBeforeEnd)
{
    public static TrialSchedule For(DateTimeOffset placedAt, TrialSettings settings)
    {
        var s = settings.WithDefaults();
        return new(placedAt, s.TrialDays!.Value, s.ExtensionDays!.Value, s.ReminderDay!.Value, s.ExtensionOfferDaysBeforeEnd!.Value);
    }

    public DateTimeOffset ReminderAt() => PlacedAt.AddDays(ReminderDay);

    public DateTimeOffset ExtensionOfferAt() => PlacedAt.AddDays(TrialDays - ExtensionOfferDaysBeforeEnd);

    public DateTimeOffset ChargeAt(bool extended) => PlacedAt.AddDays(TrialDays + (extended ? ExtensionDays : 0));

    /// <summary>Whole days left before the charge day, as the reminder tells the customer ("7 days gone, 7 left").</summary>
    public int DaysLeftAtReminder() => TrialDays - ReminderDay - 1;
}

/// <summary>
/// A declined product charge is retried +1, +3 and +7 days after the charge first fell due; a hard
/// decline (stolen card and the like) is never retried. After the last failure the order is PaymentFailed.
/// </summary>
public static class DunningPolicy
{
    public static IReadOnlyList<int> RetryDays { get; } = [1, 3, 7];

    /// <summary>When retry number <paramref name="retry"/> (1-based) runs, or null when none is left.</summary>
    public static DateTimeOffset? RetryAt(DateTimeOffset firstDueAt, int retry) =>
        retry >= 1 && retry <= RetryDays.Count ? firstDueAt.AddDays(RetryDays[retry - 1]) : null;
}
