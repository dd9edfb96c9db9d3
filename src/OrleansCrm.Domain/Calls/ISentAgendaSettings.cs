namespace OrleansCrm.Domain.Calls;

/// <summary>An agenda's settings as a client sent them: every field left out takes the default.</summary>
public interface ISentAgendaSettings
{
    string? TimeZone { get; }

    string? DayStart { get; }

    string? DayEnd { get; }

    int? SlotMinutes { get; }

    IReadOnlyList<DayOfWeek>? WorkDays { get; }
}
