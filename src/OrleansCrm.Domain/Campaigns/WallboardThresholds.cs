using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Campaigns;

/// <summary>
/// When the campaign's wallboard tile turns amber or red: contacts due now at or above <see cref="DueAmber"/> /
/// <see cref="DueRed"/> while no agent of the campaign is idle, or the last hour's contact rate (in percent) below
/// <see cref="ContactRateAmber"/> / <see cref="ContactRateRed"/> once the hour has at least <see cref="MinCalls"/> calls.
/// Unset members take <see cref="Default"/>'s.
/// </summary>
public sealed record WallboardThresholds(int? DueAmber = null, int? DueRed = null, int? ContactRateAmber = null, int? ContactRateRed = null, int? MinCalls = null)
{
    public static WallboardThresholds Default { get; } = new(1, 50, 30, 15, 20);

    public WallboardThresholds WithDefaults() => new(
        DueAmber ?? Default.DueAmber,
        DueRed ?? Default.DueRed,
        ContactRateAmber ?? Default.ContactRateAmber,
        ContactRateRed ?? Default.ContactRateRed,
        MinCalls ?? Default.MinCalls);

    internal void Validate(Validator v, string path)
    {
        var t = WithDefaults();
        v.Range($"{path}.dueAmber", t.DueAmber!.Value, 1, 1_000_000);
        if (v.Range($"{path}.dueRed", t.DueRed!.Value, 1, 1_000_000) && t.DueRed < t.DueAmber)
        {
            v.Add($"{path}.dueRed", "must be at least dueAmber (red is the worse state).");
        }

        v.Range($"{path}.contactRateAmber", t.ContactRateAmber!.Value, 0, 100);
        if (v.Range($"{path}.contactRateRed", t.ContactRateRed!.Value, 0, 100) && t.ContactRateRed > t.ContactRateAmber)
        {
            v.Add($"{path}.contactRateRed", "must be at most contactRateAmber (a lower rate is worse).");
        }

        v.Range($"{path}.minCalls", t.MinCalls!.Value, 1, 1_000_000);
    }
}
