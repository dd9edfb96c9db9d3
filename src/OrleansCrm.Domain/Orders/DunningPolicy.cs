
namespace OrleansCrm.Domain.Orders;

/// <summary>
/// A declined product charge is retried +1, +3 and +7 days after the charge first fell due; a hard
/// decline (stolen card and the like) is never retried. After the last failure the order is PaymentFailed.
/// </summary>
public static class DunningPolicy
{
    public static IReadOnlyList<int> RetryDays { get; } = [1, 3, 7];

    /// <summary>When retry number <paramref name="retry"/> (1-based) runs, or null when none is left.</summary>
    public static DateTimeOffset? RetryAt(DateTimeOffset firstDueAt, int retry) =>
        retry >= 1 && retry <= RetryDays.Count ? firstDueAt.AddDays(RetryDays[retry - 1]) : null;
}
