using System.Collections.Concurrent;
using System.Diagnostics;

namespace OrleansCrm.FaultTests;

/// <summary>
/// The faults of one run, one after another on a timeline: <c>kill -9</c> of a silo (round robin) every
/// <c>KillEverySeconds</c> and its restart 2 s later; one PostgreSQL restart at 35% of the run; one partition (the
/// last silo's link down for <c>PartitionSeconds</c>, then up) from 50%. A silo that stops by itself (declared dead
/// while cut off, it leaves) is started again by the watcher. Kills pause around the other two faults.
/// </summary>
internal sealed class FaultSchedule(FaultCluster cluster, FaultOptions options, Action<string> say)
{
    public ConcurrentBag<InjectedFault> Injected { get; } = [];

    public int SelfStopped { get; private set; }

    public async Task RunAsync(DateTimeOffset start)
    {
        var end = start + TimeSpan.FromSeconds(options.Seconds);
        var restartAt = start + TimeSpan.FromSeconds(options.Seconds * 0.35);
        var cutAt = start + TimeSpan.FromSeconds(options.Seconds * 0.5);
        var healAt = cutAt + TimeSpan.FromSeconds(options.PartitionSeconds);
        var cutSilo = cluster.Silos.Count;
        using var stop = new CancellationTokenSource();
        var watcher = WatchAsync(cutSilo, stop.Token);
        var kills = 0;
        var next = start + TimeSpan.FromSeconds(options.KillEverySeconds);
        var restarted = false;
        var partitioned = false;
        var victim = 0;
        while (DateTimeOffset.UtcNow < end)
        {
            var now = DateTimeOffset.UtcNow;
            if (!restarted && now >= restartAt)
            {
                restarted = true;
                say("fault: PostgreSQL restart");
                var at = DateTimeOffset.UtcNow;
                var watch = Stopwatch.StartNew();
                await cluster.Postgres.RestartAsync();
                Injected.Add(new InjectedFault("PostgreSQL restart", at, $"restart took {watch.Elapsed.TotalSeconds:0.0} s"));
                next = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(options.KillEverySeconds);
            }
            else if (!partitioned && now >= cutAt)
            {
                partitioned = true;
                say($"fault: silo{cutSilo} cut off for {options.PartitionSeconds} s");
                Injected.Add(new InjectedFault($"partition: silo{cutSilo} cut off", DateTimeOffset.UtcNow, $"{options.PartitionSeconds} s"));
                await cluster.Network.CutAsync(cutSilo);
                await Task.Delay(healAt - DateTimeOffset.UtcNow is { } left && left > TimeSpan.Zero ? left : TimeSpan.Zero);
                await cluster.Network.HealAsync(cutSilo);
                say($"fault healed: silo{cutSilo} linked again");
                Injected.Add(new InjectedFault($"partition healed: silo{cutSilo}", DateTimeOffset.UtcNow, ""));
                next = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(options.KillEverySeconds);
            }
            else if (kills < options.Kills && now >= next
                     && !(now < restartAt && restartAt - now < TimeSpan.FromSeconds(5))
                     && !(now < cutAt && cutAt - now < TimeSpan.FromSeconds(5)))
            {
                kills++;
                var silo = cluster.Silos[victim++ % (cluster.Silos.Count - 1)];
                say($"fault: kill -9 {silo.Name} (pid {silo.Pid})");
                Injected.Add(new InjectedFault($"kill -9 {silo.Name}", DateTimeOffset.UtcNow, $"pid {silo.Pid}"));
                await silo.KillAsync();
                await Task.Delay(TimeSpan.FromSeconds(2));
                silo.Start();
                next = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(options.KillEverySeconds);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        await stop.CancelAsync();
        await watcher;
    }

    /// <summary>Starts again a silo that ended without the schedule killing it (Orleans stops a silo that finds itself declared dead).</summary>
    private async Task WatchAsync(int cutSilo, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            for (var i = 0; i < cluster.Silos.Count; i++)
            {
                var silo = cluster.Silos[i];
                if (silo.Exited && !Killing(silo))
                {
                    SelfStopped++;
                    say($"{silo.Name} stopped by itself; starting it again");
                    Injected.Add(new InjectedFault($"{silo.Name} stopped by itself (declared dead{(i + 1 == cutSilo ? " while cut off" : "")})", DateTimeOffset.UtcNow, "started again"));
                    silo.Start();
                }
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private bool Killing(ServiceProcess silo) =>
        Injected.Any(f => f.What == $"kill -9 {silo.Name}" && DateTimeOffset.UtcNow - f.At < TimeSpan.FromSeconds(4));

    internal sealed record InjectedFault(string What, DateTimeOffset At, string Detail);
}
