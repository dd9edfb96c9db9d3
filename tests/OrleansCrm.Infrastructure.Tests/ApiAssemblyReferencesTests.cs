using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// The api in client mode must not load grain implementations: its assembly names no type of OrleansCrm.Grains except
/// through the co-hosting composition. Read from the api assembly's metadata (type references into the Grains
/// assembly), so a use inside any method body counts.
/// </summary>
public sealed class ApiAssemblyReferencesTests
{
    private const string Grains = "OrleansCrm.Grains";

    /// <summary>
    /// The one use left: the simulated clock's route, mapped only when the api co-hosts its silo (CrmSettings refuses
    /// the simulated clock in client mode), so a client-mode api never touches it. (The composition itself, CrmHosting,
    /// lives in Infrastructure. Constants such as SequenceNames are compiled into the api and leave no reference.)
    /// </summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["OrleansCrm.Grains.Scheduling.TestClock"] = "the simulated clock's route (co-hosted only)",
        ["OrleansCrm.Grains.Scheduling.ClockAdvance"] = "the simulated clock's route (co-hosted only)",
    };

    [Fact]
    public void The_api_assembly_references_no_type_of_the_grain_assembly_outside_the_allowlist()
    {
        var found = GrainTypesReferencedByTheApi();

        var unexpected = found.Where(t => !Allowed.ContainsKey(t)).ToList();
        var gone = Allowed.Keys.Where(t => !found.Contains(t)).ToList();

        Assert.True(unexpected.Count == 0, "the api references grain types: " + string.Join(", ", unexpected));
        Assert.True(gone.Count == 0, "no longer referenced, take off the allowlist: " + string.Join(", ", gone));
    }

    private static SortedSet<string> GrainTypesReferencedByTheApi()
    {
        using var stream = File.OpenRead(typeof(Program).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var grains = metadata.AssemblyReferences
            .Where(h => metadata.GetString(metadata.GetAssemblyReference(h).Name) == Grains)
            .Select(h => (EntityHandle)h)
            .ToHashSet();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeReferences)
        {
            if (Outermost(metadata, handle) is { } scope && grains.Contains(scope))
            {
                found.Add(Name(metadata, handle));
            }
        }

        return found;
    }

    /// <summary>The assembly a (possibly nested) type reference resolves in.</summary>
    private static EntityHandle? Outermost(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var scope = metadata.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = metadata.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        return scope.Kind == HandleKind.AssemblyReference ? scope : null;
    }

    private static string Name(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var type = metadata.GetTypeReference(handle);
        var name = metadata.GetString(type.Name);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? Name(metadata, (TypeReferenceHandle)type.ResolutionScope) + "+" + name
            : metadata.GetString(type.Namespace) + "." + name;
    }
}
