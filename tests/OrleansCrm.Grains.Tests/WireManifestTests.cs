using System.Runtime.CompilerServices;

namespace OrleansCrm.Grains.Tests;

/// <summary>
/// The committed manifest of wire ids (<c>Fixtures/wire-ids.txt</c>) against the types as they are: an id of the
/// manifest that disappears or changes type, or two members of one type on one id, fail; a new member fails until
/// its line is added on purpose (the failure prints it). <c>UPDATE_WIRE_MANIFEST=1</c> rewrites the file instead.
/// </summary>
public sealed class WireManifestTests
{
    [Fact]
    public void No_wire_id_of_the_manifest_disappears_changes_type_or_is_shared_and_every_new_one_is_in_the_manifest()
    {
        var current = WireManifest.Current();
        var path = ManifestPath();
        if (Environment.GetEnvironmentVariable(WireManifest.UpdateVariable) == "1")
        {
            File.WriteAllText(path, WireManifest.Render(current));
            return;
        }

        var committed = WireManifest.Parse(File.ReadAllLines(path));
        var now = current.ToLookup(m => (m.Alias, m.Id));
        var problems = new List<string>();

        foreach (var shared in current.GroupBy(m => (m.Alias, m.Id)).Where(g => g.Count() > 1))
        {
            problems.Add($"two members share id {shared.Key.Id} in {shared.Key.Alias}: {string.Join(", ", shared.Select(m => m.Member))}");
        }

        foreach (var promised in committed)
        {
            var found = now[(promised.Alias, promised.Id)].ToList();
            if (found.Count == 0)
            {
                problems.Add($"id disappeared: {promised.Line} (stored data holds it; keep the member, or its id unused forever)");
            }
            else if (found.TrueForAll(m => m.Type != promised.Type))
            {
                problems.Add($"id changed type: {promised.Line} is now {string.Join(", ", found.Select(m => m.Type))}");
            }
        }

        var known = committed.Select(m => (m.Alias, m.Id)).ToHashSet();
        var added = current.Where(m => !known.Contains((m.Alias, m.Id))).ToList();
        if (added.Count > 0)
        {
            problems.Add($"new wire members; add these lines to {path} (or run with {WireManifest.UpdateVariable}=1):"
                + Environment.NewLine + string.Join(Environment.NewLine, added.Select(m => m.Line)));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_manifest_reads_types_as_CSharp_spells_them()
    {
        Assert.Equal("List<CustomerNote>", WireManifest.TypeName(typeof(List<Domain.Customers.CustomerNote>)));
        Assert.Equal("DateTimeOffset?", WireManifest.TypeName(typeof(DateTimeOffset?)));
        Assert.Equal("Dictionary<String, Int32[]>", WireManifest.TypeName(typeof(Dictionary<string, int[]>)));
    }

    private static string ManifestPath([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Fixtures", "wire-ids.txt");
}
