using System.Globalization;
using System.Net;

namespace OrleansCrm.FaultTests;

/// <summary>
/// The run's network: a bridge namespace holding bridge <c>br0</c>, one namespace per member (each silo, PostgreSQL),
/// each joined to the bridge by a veth pair, and one veth from this (the host) namespace where the harness, the api and
/// the local SMTP and SMS servers run. A member is cut off by taking its bridge-side link down. Names carry the run's
/// number, so two runs never touch each other's; <see cref="DisposeAsync"/> removes every namespace it made, which also
/// removes every veth (a veth pair dies with either end).
/// </summary>
internal sealed class ClusterNetwork : IAsyncDisposable
{
    private readonly List<string> namespaces = [];
    private readonly int number;

    private ClusterNetwork(int number) => this.number = number;

    /// <summary>The host's address on the bridge: the api, the SMTP and SMS servers listen here.</summary>
    public IPAddress Host => Address(1);

    public IPAddress Postgres => Address(2);

    public string PostgresNamespace => Namespace("pg");

    private string Bridge => Namespace("br");

    public static async Task<ClusterNetwork> CreateAsync(int silos)
    {
        var used = await Shell.RunAsync("ip", "-4", "-o", "addr", "show");
        var free = Enumerable.Range(10, 240).Where(n => !used.Contains($"10.231.{n}.", StringComparison.Ordinal)).ToList();
        var network = new ClusterNetwork(free[Random.Shared.Next(free.Count)]);
        try
        {
            await network.AddNamespaceAsync(network.Bridge);
            await Shell.RunAsync("ip", "-n", network.Bridge, "link", "add", "br0", "type", "bridge");
            await Shell.RunAsync("ip", "-n", network.Bridge, "link", "set", "br0", "up");

            // The host's end: its veth stays here with the host address, its peer joins the bridge.
            var hostEnd = network.HostLink;
            await Shell.RunAsync("ip", "link", "add", hostEnd, "type", "veth", "peer", "name", hostEnd + "b");
            await Shell.RunAsync("ip", "link", "set", hostEnd + "b", "netns", network.Bridge);
            await Shell.RunAsync("ip", "-n", network.Bridge, "link", "set", hostEnd + "b", "master", "br0", "up");
            await Shell.RunAsync("ip", "addr", "add", $"{network.Host}/24", "dev", hostEnd);
            await Shell.RunAsync("ip", "link", "set", hostEnd, "up");

            await network.AddMemberAsync("pg", network.Postgres);
            for (var i = 1; i <= silos; i++)
            {
                await network.AddMemberAsync("s" + i.ToString(CultureInfo.InvariantCulture), network.SiloAddress(i));
            }
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }

        return network;
    }

    public IPAddress SiloAddress(int silo) => Address(10 + silo);

    public string SiloNamespace(int silo) => Namespace("s" + silo.ToString(CultureInfo.InvariantCulture));

    /// <summary>Takes the silo's link to the bridge down: it reaches nothing and nothing reaches it.</summary>
    public Task CutAsync(int silo) => Shell.RunAsync("ip", "-n", Bridge, "link", "set", MemberLink("s" + silo.ToString(CultureInfo.InvariantCulture)), "down");

    public Task HealAsync(int silo) => Shell.RunAsync("ip", "-n", Bridge, "link", "set", MemberLink("s" + silo.ToString(CultureInfo.InvariantCulture)), "up");

    /// <summary>What is left of this run's network afterwards (none when it cleaned up): namespaces and host links with its prefix.</summary>
    public async Task<IReadOnlyList<string>> LeftoversAsync()
    {
        var left = (await Shell.RunAsync("ip", "netns", "list")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ')[0]).Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        if ((await Shell.RunAsync("ip", "-o", "link", "show")).Contains(HostLink + "@", StringComparison.Ordinal))
        {
            left.Add(HostLink);
        }

        return left;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var name in Enumerable.Reverse(namespaces))
        {
            await Shell.TryRunAsync("ip", "netns", "del", name);
        }

        await Shell.TryRunAsync("ip", "link", "del", HostLink);
        namespaces.Clear();
    }

    private string Prefix => "crmf" + number.ToString(CultureInfo.InvariantCulture) + "-";

    private string HostLink => "crmf" + number.ToString(CultureInfo.InvariantCulture) + "h";

    private string Namespace(string member) => Prefix + member;

    private static string MemberLink(string member) => "v-" + member;

    private IPAddress Address(int host) => IPAddress.Parse($"10.231.{number}.{host}");

    private async Task AddNamespaceAsync(string name)
    {
        await Shell.RunAsync("ip", "netns", "add", name);
        namespaces.Add(name);
        await Shell.RunAsync("ip", "-n", name, "link", "set", "lo", "up");
    }

    /// <summary>A namespace for the member, its veth <c>eth0</c> with the address inside, the peer <c>v-member</c> on the bridge.</summary>
    private async Task AddMemberAsync(string member, IPAddress address)
    {
        var name = Namespace(member);
        await AddNamespaceAsync(name);
        await Shell.RunAsync("ip", "-n", name, "link", "add", "eth0", "type", "veth", "peer", "name", MemberLink(member), "netns", Bridge);
        await Shell.RunAsync("ip", "-n", name, "addr", "add", $"{address}/24", "dev", "eth0");
        await Shell.RunAsync("ip", "-n", name, "link", "set", "eth0", "up");
        await Shell.RunAsync("ip", "-n", Bridge, "link", "set", MemberLink(member), "master", "br0", "up");
    }
}
