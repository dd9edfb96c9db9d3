namespace OrleansCrm.Domain.Offers;

/// <summary>Trial terms as a client sent them: every field left out takes the default of the product rules.</summary>
public interface ISentTrialSettings
{
    int? TrialDays { get; }

    int? ExtensionDays { get; }

    int? ReminderDay { get; }

    int? ExtensionOfferDaysBeforeEnd { get; }
}
