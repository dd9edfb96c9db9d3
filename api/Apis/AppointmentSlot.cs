namespace OrleansCrm.Api.Apis;

/// <summary>The appointment slot of a call's draft as the API reads and shows it (OpenAPI schema <c>AppointmentSlot</c>, as before).</summary>
public sealed record AppointmentSlot(string? AgentId, DateTimeOffset? Start)
{
    public static AppointmentSlot From(Domain.Calls.AppointmentSlot s) => new(s.AgentId, s.Start);

    public Domain.Calls.AppointmentSlot ToDomain() => new(AgentId, Start);
}
