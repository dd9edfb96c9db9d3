using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Campaigns;

/// <summary>
/// When an unanswered contact comes back: the first retry after <see cref="FirstRetryMinutes"/>,
/// each further one <see cref="NextRetryMinutes"/> after that call; a private callback left
/// <see cref="PrivateCallbackGraceMinutes"/> overdue is opened to every agent.
/// </summary>
public sealed record RetryPolicy(int? FirstRetryMinutes = null, int? NextRetryMinutes = null, int? PrivateCallbackGraceMinutes = null)
{
    public static RetryPolicy Default { get; } = new(60, 1440, 30);

    public RetryPolicy WithDefaults() => new(
        FirstRetryMinutes ?? Default.FirstRetryMinutes,
        NextRetryMinutes ?? Default.NextRetryMinutes,
        PrivateCallbackGraceMinutes ?? Default.PrivateCallbackGraceMinutes);

    internal void Validate(Validator v, string path)
    {
        v.Range($"{path}.firstRetryMinutes", FirstRetryMinutes ?? Default.FirstRetryMinutes!.Value, 1, 60 * 24 * 30);
        v.Range($"{path}.nextRetryMinutes", NextRetryMinutes ?? Default.NextRetryMinutes!.Value, 1, 60 * 24 * 30);
        v.Range($"{path}.privateCallbackGraceMinutes", PrivateCallbackGraceMinutes ?? Default.PrivateCallbackGraceMinutes!.Value, 0, 60 * 24 * 30);
    }
}
