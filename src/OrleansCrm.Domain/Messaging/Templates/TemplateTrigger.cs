namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// The event a template hangs on (one of <see cref="TriggerCatalog"/>'s). An outcome trigger names the outcome by
/// its code or its type (R, N, C, T); a booking reminder may set when it falls due: <see cref="ReminderDaysBefore"/>
/// days before the meeting at <see cref="ReminderAt"/> (HH:mm) in the customer's zone, by default 13:00 the day before.
/// </summary>
public sealed record TemplateTrigger(string? Event, string? OutcomeCode = null, string? OutcomeType = null, int? ReminderDaysBefore = null, string? ReminderAt = null)
{
    public const int DefaultReminderDaysBefore = 1;
    public const string DefaultReminderAt = "13:00";
}
