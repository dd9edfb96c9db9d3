using System.Reflection;
using System.Text;

namespace OrleansCrm.Grains.Tests;

/// <summary>
/// The wire ids of every <c>[GenerateSerializer]</c> type of Contracts and Grains, one line per member:
/// <c>alias | id | member | member type</c>. Committed as <c>Fixtures/wire-ids.txt</c>; a line is a promise to
/// stored data, so it may only be added, never removed or changed in type.
/// </summary>
public static class WireManifest
{
    public const string UpdateVariable = "UPDATE_WIRE_MANIFEST";

    public static readonly Assembly[] Assemblies = [typeof(Contracts.Stored<>).Assembly, typeof(DocumentState<>).Assembly];

    public static IReadOnlyList<WireMember> Current() =>
        Assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>(inherit: false) is not null)
            .Where(t => t.Namespace?.StartsWith("OrleansCodeGen", StringComparison.Ordinal) != true)
            .SelectMany(Members)
            .OrderBy(m => m.Alias, StringComparer.Ordinal)
            .ThenBy(m => m.Id)
            .ThenBy(m => m.Member, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<WireMember> Parse(IEnumerable<string> lines) =>
        lines.Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(" | "))
            .Select(p => new WireMember(p[0], uint.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), p[2], p[3]))
            .ToList();

    public static string Render(IEnumerable<WireMember> members)
    {
        var text = new StringBuilder();
        text.AppendLine("# Wire ids of every [GenerateSerializer] type in OrleansCrm.Contracts and OrleansCrm.Grains: alias | id | member | member type.");
        text.AppendLine($"# Checked by WireManifestTests. Ids are never removed, reused or given another type. Regenerate: {UpdateVariable}=1 dotnet test tests/OrleansCrm.Grains.Tests --filter WireManifestTests");
        foreach (var member in members)
        {
            text.AppendLine(member.Line);
        }

        return text.ToString();
    }

    private static IEnumerable<WireMember> Members(Type type)
    {
        var alias = type.GetCustomAttribute<AliasAttribute>(inherit: false)?.Alias ?? "(no alias) " + TypeName(type);
        const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var members = type.GetProperties(Declared).Select(p => (Member: (MemberInfo)p, Type: p.PropertyType))
            .Concat(type.GetFields(Declared).Select(f => (Member: (MemberInfo)f, Type: f.FieldType)));
        foreach (var (member, memberType) in members)
        {
            if (member.GetCustomAttribute<IdAttribute>() is { } id)
            {
                yield return new WireMember(alias, id.Id, member.Name, TypeName(memberType));
            }
        }
    }

    /// <summary>The member type as C# spells it without namespaces (namespaces are not on the wire).</summary>
    public static string TypeName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return TypeName(inner) + "?";
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        var name = type.Name;
        if (!type.IsGenericType)
        {
            return type.IsNested && !type.IsGenericParameter ? $"{TypeName(type.DeclaringType!)}.{name}" : name;
        }

        name = name[..name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
    }
}

/// <summary>One line of the manifest.</summary>
public sealed record WireMember(string Alias, uint Id, string Member, string Type)
{
    public string Line => $"{Alias} | {Id} | {Member} | {Type}";
}
