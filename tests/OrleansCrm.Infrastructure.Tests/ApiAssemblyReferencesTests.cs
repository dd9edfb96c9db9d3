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
    /// What remains today, each with the slice of issue 11 that takes it out of the route files; the lead empties the
    /// list after the merge. (The composition itself, CrmHosting, lives in Infrastructure: it needs no entry. Constants
    /// such as SequenceNames are compiled into the api and leave no reference to find.)
    /// </summary>
    private static readonly Dictionary<string, string> Allowed = new()
    {
        ["OrleansCrm.Grains.Calls.BookingIds"] = "calls: AgendaApi",
        ["OrleansCrm.Grains.Calls.CallOptions"] = "calls: CallsApi, Edge/EdgeSettings",
        ["OrleansCrm.Grains.Calls.LetterIds"] = "calls: CallsApi",
        ["OrleansCrm.Grains.Orders.OrderGrain"] = "orders: TrialExtensionsApi (OrderGrain.TokenKey)",
        ["OrleansCrm.Grains.Scheduling.CrmClock"] = "platform: every route file reads the business clock; CrmClock moves out of the grain assembly after the merge (the move touches every slice)",
        ["OrleansCrm.Grains.Scheduling.DueWorkOptions"] = "platform: OpsApi reads the retry period; moves with CrmClock",
        ["OrleansCrm.Grains.Scheduling.TestClock"] = "platform: the simulated clock's route (co-hosted only); moves with CrmClock",
        ["OrleansCrm.Grains.Scheduling.ClockAdvance"] = "platform: the simulated clock's route (co-hosted only); moves with CrmClock",
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
