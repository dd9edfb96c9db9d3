using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Offers;

/// <summary>An offer's trial terms, every one set: those a client left out took the default of the product rules.</summary>
public sealed record TrialSettings(int TrialDays, int ExtensionDays, int ReminderDay, int ExtensionOfferDaysBeforeEnd)
{
    public const int DefaultTrialDays = 15;
    public const int DefaultExtensionDays = 15;
    public const int DefaultReminderDay = 7;
    public const int DefaultExtensionOfferDaysBeforeEnd = 2;

    public static TrialSettings Default { get; } = new(DefaultTrialDays, DefaultExtensionDays, DefaultReminderDay, DefaultExtensionOfferDaysBeforeEnd);

    /// <summary>Checks the terms as sent (none sent: the defaults) and returns them with the defaults filled in.</summary>
    internal static TrialSettings Checked(Validator v, string path, ISentTrialSettings? sent)
    {
        var full = new TrialSettings(
            sent?.TrialDays ?? DefaultTrialDays,
            sent?.ExtensionDays ?? DefaultExtensionDays,
            sent?.ReminderDay ?? DefaultReminderDay,
            sent?.ExtensionOfferDaysBeforeEnd ?? DefaultExtensionOfferDaysBeforeEnd);
        var trialDays = full.TrialDays;
        v.Range($"{path}.trialDays", trialDays, 1, 365);
        v.Range($"{path}.extensionDays", full.ExtensionDays, 1, 365);
        if (v.Range($"{path}.reminderDay", full.ReminderDay, 1, 365) && full.ReminderDay >= trialDays)
        {
            v.Add($"{path}.reminderDay", $"must fall inside the trial (before day {trialDays}).");
        }

        if (v.Range($"{path}.extensionOfferDaysBeforeEnd", full.ExtensionOfferDaysBeforeEnd, 0, 365)
            && full.ExtensionOfferDaysBeforeEnd >= trialDays)
        {
            v.Add($"{path}.extensionOfferDaysBeforeEnd", $"must leave the offer inside the trial (less than {trialDays} days).");
        }

        return full;
    }
}
