using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Api.Apis;

/// <summary>The contact handed out, with their wall clock now.</summary>
public sealed record DialerContactView(
    string Id, string? Name, string Phone, string? Email, string TimeZone, LocalTimeView LocalTime, string? CustomerId, string? OrderNumber, int Attempts, DialStage Stage);
