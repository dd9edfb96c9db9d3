namespace OrleansCrm.Api.Apis;

/// <summary>
/// The event a template hangs on (see <c>GET /api/v1/message-triggers</c>); for <c>outcome</c> an outcome code or type, for
/// <c>booking.reminder</c> how many days before the meeting and at what time of the customer's day (default 1 and 13:00).
/// </summary>
public sealed record TemplateTrigger(string? Event, string? OutcomeCode = null, string? OutcomeType = null, int? ReminderDaysBefore = null, string? ReminderAt = null)
{
    public static TemplateTrigger? From(Domain.Messaging.Templates.TemplateTrigger? t) =>
        t is null ? null : new(t.Event, t.OutcomeCode, t.OutcomeType, t.ReminderDaysBefore, t.ReminderAt);

    public Domain.Messaging.Templates.TemplateTrigger ToDomain() => new(Event, OutcomeCode, OutcomeType, ReminderDaysBefore, ReminderAt);
}
