using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Domain.Orders;

/// <summary>
/// When each step of a trial happens, counted from the instant the order was placed: the reminder
/// on day <c>reminderDay</c>, the extension offer <c>lead</c> days before the trial ends, the
/// product charge at <c>placedAt + trialDays</c>, or <c>+ extensionDays</c> more once extended.
/// </summary>
public sealed record TrialSchedule(DateTimeOffset PlacedAt, int TrialDays, int ExtensionDays, int ReminderDay, int ExtensionOfferDaysBeforeEnd)
{
    public static TrialSchedule For(DateTimeOffset placedAt, TrialSettings settings) =>
        new(placedAt, settings.TrialDays, settings.ExtensionDays, settings.ReminderDay, settings.ExtensionOfferDaysBeforeEnd);

    public DateTimeOffset ReminderAt() => PlacedAt.AddDays(ReminderDay);

    public DateTimeOffset ExtensionOfferAt() => PlacedAt.AddDays(TrialDays - ExtensionOfferDaysBeforeEnd);

    public DateTimeOffset ChargeAt(bool extended) => PlacedAt.AddDays(TrialDays + (extended ? ExtensionDays : 0));

    /// <summary>Whole days left before the charge day, as the reminder tells the customer ("7 days gone, 7 left").</summary>
    public int DaysLeftAtReminder() => TrialDays - ReminderDay - 1;
}
