using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>A <see cref="TrialSchedule"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.TrialSchedule.v1")]
public readonly record struct TrialScheduleSurrogate(
    [property: Id(0)] DateTimeOffset PlacedAt,
    [property: Id(1)] int TrialDays,
    [property: Id(2)] int ExtensionDays,
    [property: Id(3)] int ReminderDay,
    [property: Id(4)] int ExtensionOfferDaysBeforeEnd);

/// <summary>Turns a <see cref="TrialSchedule"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class TrialScheduleConverter : IConverter<TrialSchedule, TrialScheduleSurrogate>
{
    public TrialSchedule ConvertFromSurrogate(in TrialScheduleSurrogate s) => new(s.PlacedAt, s.TrialDays, s.ExtensionDays, s.ReminderDay, s.ExtensionOfferDaysBeforeEnd);

    public TrialScheduleSurrogate ConvertToSurrogate(in TrialSchedule t) => new(t.PlacedAt, t.TrialDays, t.ExtensionDays, t.ReminderDay, t.ExtensionOfferDaysBeforeEnd);
}
