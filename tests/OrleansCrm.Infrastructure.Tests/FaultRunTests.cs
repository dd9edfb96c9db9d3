using System.Diagnostics;
using System.Text;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// The fault-injection suite's short form (tests/OrleansCrm.FaultTests, README "Fault injection"): a real cluster of
/// three silo processes and an api client on a PostgreSQL cluster of its own, each silo and PostgreSQL in a network
/// namespace; one kill -9, one PostgreSQL restart, one 30 s partition under orders with keys, trial ends charged by
/// real reminders, call cycles and outcome SMS. The harness checks exactly and exits non-zero when a check fails.
/// Needs root (network namespaces, pg_createcluster), as test.sh has on CI.
/// </summary>
public sealed class FaultRunTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(18);

    [Fact]
    public async Task Under_a_kill_a_PostgreSQL_restart_and_a_partition_nothing_is_lost_or_done_twice()
    {
        Assert.True(Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root",
            "The fault run makes network namespaces and a PostgreSQL cluster: run the tests as root (test.sh on CI is).");
        var logs = Path.Combine(Path.GetTempPath(), "crm-faults-ci-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [HarnessDll, "--short", "--logs", logs])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var output = new StringBuilder();
        using var harness = Process.Start(start)!;
        harness.OutputDataReceived += (_, e) => Append(output, e.Data);
        harness.ErrorDataReceived += (_, e) => Append(output, e.Data);
        harness.BeginOutputReadLine();
        harness.BeginErrorReadLine();
        using var bound = new CancellationTokenSource(Bound);
        try
        {
            await harness.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            harness.Kill(entireProcessTree: true);
            Assert.Fail($"The fault run did not end within {Bound.TotalMinutes} minutes:\n{Text(output)}");
        }

        harness.WaitForExit(); // the output is read to its end
        Assert.True(harness.ExitCode == 0, $"The fault run exited {harness.ExitCode} (logs in {logs}):\n{Text(output)}");
        Assert.Contains("every check held", Text(output), StringComparison.Ordinal);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string HarnessDll
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
            var root = output;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "OrleansCrm.sln")))
            {
                root = root.Parent;
            }

            var dll = Path.Combine(root!.FullName, "tests", "OrleansCrm.FaultTests", "bin", output.Parent!.Name, output.Name, "OrleansCrm.FaultTests.dll");
            Assert.True(File.Exists(dll), $"The fault harness is built with the tests (project reference); {dll} is missing.");
            return dll;
        }
    }
}
