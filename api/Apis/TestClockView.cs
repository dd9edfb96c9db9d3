namespace OrleansCrm.Api.Apis;

public sealed record TestClockView(DateTimeOffset Now);
