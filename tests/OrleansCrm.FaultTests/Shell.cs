using System.Diagnostics;

namespace OrleansCrm.FaultTests;

/// <summary>Runs a system command (ip, pg_ctlcluster, runuser) to its end; a non-zero exit is an exception unless allowed.</summary>
internal static class Shell
{
    public static async Task<string> RunAsync(string file, IReadOnlyList<string> arguments, bool allowFailure = false)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(bound.Token);
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}");
        }

        return await output;
    }

    public static Task<string> RunAsync(string file, params string[] arguments) => RunAsync(file, (IReadOnlyList<string>)arguments);

    /// <summary>Runs the command and ignores a non-zero exit (cleaning up what may already be gone).</summary>
    public static Task<string> TryRunAsync(string file, params string[] arguments) => RunAsync(file, arguments, allowFailure: true);

    /// <summary>The dotnet host on PATH (the silos run in other network namespaces through <c>ip netns exec</c>, which needs a path).</summary>
    public static string Dotnet()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "dotnet");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Environment.ProcessPath is { } self && Path.GetFileName(self) == "dotnet" ? self : "/usr/bin/dotnet";
    }
}
