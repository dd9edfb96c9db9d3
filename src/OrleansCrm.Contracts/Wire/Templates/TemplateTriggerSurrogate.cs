using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Contracts.Wire.Templates;

/// <summary>A <see cref="TemplateTrigger"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.TemplateTrigger.v1")]
public readonly record struct TemplateTriggerSurrogate(
    [property: Id(0)] string? Event,
    [property: Id(1)] string? OutcomeCode,
    [property: Id(2)] string? OutcomeType,
    [property: Id(3)] int? ReminderDaysBefore,
    [property: Id(4)] string? ReminderAt);

/// <summary>Turns a <see cref="TemplateTrigger"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class TemplateTriggerConverter : IConverter<TemplateTrigger, TemplateTriggerSurrogate>
{
    public TemplateTrigger ConvertFromSurrogate(in TemplateTriggerSurrogate s) => new(s.Event, s.OutcomeCode, s.OutcomeType, s.ReminderDaysBefore, s.ReminderAt);

    public TemplateTriggerSurrogate ConvertToSurrogate(in TemplateTrigger m) => new(m.Event, m.OutcomeCode, m.OutcomeType, m.ReminderDaysBefore, m.ReminderAt);
}
