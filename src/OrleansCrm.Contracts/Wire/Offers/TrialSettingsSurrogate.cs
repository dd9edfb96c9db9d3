using OrleansCrm.Domain.Offers;

namespace OrleansCrm.Contracts.Wire.Offers;

/// <summary>A <see cref="TrialSettings"/> as it is stored and crosses a grain call. Never renumber an id; a term missing from an older record takes the product default.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.TrialSettings.v1")]
public readonly record struct TrialSettingsSurrogate(
    [property: Id(0)] int? TrialDays,
    [property: Id(1)] int? ExtensionDays,
    [property: Id(2)] int? ReminderDay,
    [property: Id(3)] int? ExtensionOfferDaysBeforeEnd);

/// <summary>Turns a <see cref="TrialSettings"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class TrialSettingsConverter : IConverter<TrialSettings, TrialSettingsSurrogate>
{
    public TrialSettings ConvertFromSurrogate(in TrialSettingsSurrogate s) => new(
        s.TrialDays ?? TrialSettings.DefaultTrialDays,
        s.ExtensionDays ?? TrialSettings.DefaultExtensionDays,
        s.ReminderDay ?? TrialSettings.DefaultReminderDay,
        s.ExtensionOfferDaysBeforeEnd ?? TrialSettings.DefaultExtensionOfferDaysBeforeEnd);

    public TrialSettingsSurrogate ConvertToSurrogate(in TrialSettings t) => new(t.TrialDays, t.ExtensionDays, t.ReminderDay, t.ExtensionOfferDaysBeforeEnd);
}
