namespace OrleansCrm.Api.Apis;

/// <summary>An offer's trial terms as the API reads and shows them (OpenAPI schema <c>TrialSettings</c>); a field left out takes the product default.</summary>
public sealed record TrialSettings(
    int? TrialDays = null,
    int? ExtensionDays = null,
    int? ReminderDay = null,
    int? ExtensionOfferDaysBeforeEnd = null) : Domain.Offers.ISentTrialSettings
{
    public static TrialSettings From(Domain.Offers.TrialSettings t) => new(t.TrialDays, t.ExtensionDays, t.ReminderDay, t.ExtensionOfferDaysBeforeEnd);
}
