using System.Diagnostics;
using System.Globalization;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>The headless silo host of this build as its own process (built with the tests through a project reference).</summary>
internal static class SiloProcess
{
    public static string Dll
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory); // …/tests/OrleansCrm.Infrastructure.Tests/bin/{configuration}/{tfm}/
            var root = output;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "OrleansCrm.sln")))
            {
                root = root.Parent;
            }

            var silo = Path.Combine(root!.FullName, "silo", "bin", output.Parent!.Name, output.Name, "OrleansCrm.Silo.dll");
            Assert.True(File.Exists(silo), $"The silo host is built with the tests (project reference); {silo} is missing.");
            return silo;
        }
    }

    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public static Process Start(string connectionString, string clusterId, IReadOnlyDictionary<string, string>? extra = null)
    {
        var start = new ProcessStartInfo(Dotnet, [Dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["ConnectionStrings__Crm"] = connectionString,
                ["Orleans__ClusterId"] = clusterId,
                ["Orleans__SiloPort"] = Testing.Ports.Free().ToString(CultureInfo.InvariantCulture),
                ["Orleans__GatewayPort"] = Testing.Ports.Free().ToString(CultureInfo.InvariantCulture),
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["Crm__PublicBaseUrl"] = "https://crm.example.test",
            },
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>SIGTERM, as Docker and Kubernetes stop a container.</summary>
    public static void Terminate(Process process)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Runs <c>OrleansCrm.Silo.dll probe URL</c>, as the image's health check does; returns its exit code.</summary>
    public static async Task<int> ProbeAsync(string url)
    {
        using var probe = Process.Start(new ProcessStartInfo(Dotnet, [Dll, "probe", url]) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true })!;
        await probe.StandardError.ReadToEndAsync();
        await probe.WaitForExitAsync();
        return probe.ExitCode;
    }
}
