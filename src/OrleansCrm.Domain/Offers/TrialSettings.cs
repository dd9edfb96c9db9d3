using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Offers;

/// <summary>Trial terms; every field left out takes the default of the product rules.</summary>
public sealed record TrialSettings(
    int? TrialDays = null,
    int? ExtensionDays = null,
    int? ReminderDay = null,
    int? ExtensionOfferDaysBeforeEnd = null)
{
    public const int DefaultTrialDays = 15;
    public const int DefaultExtensionDays = 15;
    public const int DefaultReminderDay = 7;
    public const int DefaultExtensionOfferDaysBeforeEnd = 2;

    public static TrialSettings Default { get; } = new();

    public TrialSettings WithDefaults() => new(
        TrialDays ?? DefaultTrialDays,
        ExtensionDays ?? DefaultExtensionDays,
        ReminderDay ?? DefaultReminderDay,
        ExtensionOfferDaysBeforeEnd ?? DefaultExtensionOfferDaysBeforeEnd);

    internal void Validate(Validator v, string path)
    {
        var full = WithDefaults();
        var trialDays = full.TrialDays!.Value;
        v.Range($"{path}.trialDays", trialDays, 1, 365);
        v.Range($"{path}.extensionDays", full.ExtensionDays!.Value, 1, 365);
        if (v.Range($"{path}.reminderDay", full.ReminderDay!.Value, 1, 365) && full.ReminderDay >= trialDays)
        {
            v.Add($"{path}.reminderDay", $"must fall inside the trial (before day {trialDays}).");
        }

        if (v.Range($"{path}.extensionOfferDaysBeforeEnd", full.ExtensionOfferDaysBeforeEnd!.Value, 0, 365)
            && full.ExtensionOfferDaysBeforeEnd >= trialDays)
        {
            v.Add($"{path}.extensionOfferDaysBeforeEnd", $"must leave the offer inside the trial (less than {trialDays} days).");
        }
    }
}
