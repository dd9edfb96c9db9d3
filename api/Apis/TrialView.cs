namespace OrleansCrm.Api.Apis;

public sealed record TrialView(int TrialDays, int ExtensionDays, DateTimeOffset ChargeAt, bool Extended, DateTimeOffset? ExtendedAt);
