namespace OrleansCrm.Api.Apis;

public sealed record HealthView(string Status, IReadOnlyDictionary<string, string> Checks);
