using System.Diagnostics;
using System.Globalization;

namespace OrleansCrm.FaultTests;

/// <summary>
/// One process the harness runs (a silo inside its network namespace, or the api), its output appended to a log file.
/// It is only ever ended by its own pid (SIGKILL for the fault, SIGTERM at the end), and it can be started again.
/// </summary>
internal sealed class ServiceProcess(string name, string dll, string? netns, IReadOnlyDictionary<string, string> environment, string logDirectory)
{
    private readonly Lock gate = new();
    private Process? process;
    private StreamWriter? log;

    public string Name { get; } = name;

    /// <summary>Starts of this process after the first (restarts by the harness and after the silo stopped itself).</summary>
    public int Restarts { get; private set; }

    public int? Pid
    {
        get
        {
            lock (gate)
            {
                return process is { HasExited: false } p ? p.Id : null;
            }
        }
    }

    public bool Exited
    {
        get
        {
            lock (gate)
            {
                return process is null || process.HasExited;
            }
        }
    }

    public void Start()
    {
        lock (gate)
        {
            if (process is { HasExited: false })
            {
                throw new InvalidOperationException($"{Name} is running");
            }

            if (process is not null)
            {
                Restarts++;
                process.Dispose();
            }

            var dotnet = Shell.Dotnet();
            var start = netns is null ? new ProcessStartInfo(dotnet) : new ProcessStartInfo("ip");
            if (netns is not null)
            {
                // ip netns exec replaces itself with the command: the pid is the silo's own.
                foreach (var argument in new[] { "netns", "exec", netns, dotnet })
                {
                    start.ArgumentList.Add(argument);
                }
            }

            start.ArgumentList.Add(dll);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.UseShellExecute = false;
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            log ??= new StreamWriter(Path.Combine(logDirectory, Name + ".log"), append: true) { AutoFlush = true };
            var writer = log;
            lock (writer)
            {
                writer.WriteLine($"==== {DateTimeOffset.UtcNow:O} start #{Restarts + 1}");
            }

            var started = Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start");
            started.OutputDataReceived += (_, e) => Write(writer, e.Data);
            started.ErrorDataReceived += (_, e) => Write(writer, e.Data);
            started.BeginOutputReadLine();
            started.BeginErrorReadLine();
            process = started;
        }
    }

    /// <summary>SIGKILL by pid (kill -9): no shutdown, nothing written.</summary>
    public async Task KillAsync()
    {
        if (Pid is { } pid)
        {
            await Shell.TryRunAsync("kill", "-KILL", pid.ToString(CultureInfo.InvariantCulture));
            await WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>SIGTERM by pid, then SIGKILL if it has not left within the bound.</summary>
    public async Task StopAsync(TimeSpan bound)
    {
        if (Pid is { } pid)
        {
            await Shell.TryRunAsync("kill", "-TERM", pid.ToString(CultureInfo.InvariantCulture));
            if (!await WaitForExitAsync(bound))
            {
                await KillAsync();
            }
        }

        log?.Dispose();
        log = null;
    }

    private async Task<bool> WaitForExitAsync(TimeSpan bound)
    {
        Process? running;
        lock (gate)
        {
            running = process;
        }

        if (running is null)
        {
            return true;
        }

        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await running.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static void Write(StreamWriter writer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (writer)
        {
            try
            {
                writer.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
