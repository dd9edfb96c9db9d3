using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Domain.Tests;

/// <summary>Trial terms as a client may send them (the api's <c>TrialSettings</c> has this shape): a field left out takes the default.</summary>
public sealed record TrialRequest(
    int? TrialDays = null,
    int? ExtensionDays = null,
    int? ReminderDay = null,
    int? ExtensionOfferDaysBeforeEnd = null) : ISentTrialSettings;
