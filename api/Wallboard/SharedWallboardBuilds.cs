using System.Diagnostics;
using OrleansCrm.Contracts.Wallboard;

namespace OrleansCrm.Api.Wallboard;

/// <summary>
/// One build of a board for all the screens that show it. A build first reads the agent activity version (every call's
/// start and end moves it, an outcome's after its read-model row is stored), then the figures: so it holds every
/// change up to that version. A stream that saw version <c>v</c> takes a build of the same campaigns at version
/// <c>v</c> or later that started recently enough (running or finished), and starts one only when there is none. Two
/// screens of one board cost one build per refresh instead of two, and show the same figures. The snapshot route does
/// not share: it builds for its own request.
/// </summary>
public sealed class SharedWallboardBuilds(WallboardFigures figures, IGrainFactory grains)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Build> latest = new(StringComparer.Ordinal);

    /// <summary>
    /// The figures of <paramref name="campaignIds"/> from a build at activity version <paramref name="minVersion"/> or
    /// later, started at or after <paramref name="startedSince"/> (a <see cref="Stopwatch"/> timestamp).
    /// </summary>
    public Task<BoardBuild> GetAsync(IReadOnlyList<string> campaignIds, long minVersion, long startedSince, CancellationToken cancellationToken)
    {
        var board = string.Join(',', campaignIds);
        Build build;
        lock (gate)
        {
            if (!latest.TryGetValue(board, out var found) || found.StartedAt < startedSince || found.View.IsFaulted || found.View.IsCanceled
                || (found.View.IsCompletedSuccessfully && found.View.Result.Version < minVersion))
            {
                // Not the caller's token: the build outlives a screen that closes while it runs, for the others sharing it.
                found = new Build(Stopwatch.GetTimestamp(), BuildAsync(campaignIds));
                latest[board] = found;
            }

            build = found;
        }

        return WaitAsync(build, campaignIds, minVersion, cancellationToken);
    }

    /// <summary>Forgets a board when a screen that showed it closes (another screen's next refresh builds it again).</summary>
    public void Forget(IReadOnlyList<string> campaignIds)
    {
        lock (gate)
        {
            latest.Remove(string.Join(',', campaignIds));
        }
    }

    private async Task<BoardBuild> WaitAsync(Build build, IReadOnlyList<string> campaignIds, long minVersion, CancellationToken cancellationToken)
    {
        var result = await build.View.WaitAsync(cancellationToken);

        // A build that was running when the version moved past it: the caller needs a later one.
        return result.Version >= minVersion ? result : await GetAsync(campaignIds, minVersion, build.StartedAt + 1, cancellationToken);
    }

    private async Task<BoardBuild> BuildAsync(IReadOnlyList<string> campaignIds)
    {
        var version = await grains.GetGrain<IAgentActivityGrain>(IAgentActivityGrain.Key).VersionAsync();
        return new BoardBuild(version, await figures.BuildAsync(campaignIds, CancellationToken.None));
    }

    private sealed record Build(long StartedAt, Task<BoardBuild> View);
}

/// <summary>A board's figures and the agent activity version they hold every change up to.</summary>
public sealed record BoardBuild(long Version, WallboardView View);
