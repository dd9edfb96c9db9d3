using Orleans.Serialization.Cloning;

namespace OrleansCrm.Contracts;

/// <summary>
/// The domain's records carry no Orleans attributes (the domain knows nothing of Orleans), so grain
/// calls and grain state carry them as JSON. Exceptions are left to Orleans' own exception codec.
/// TRANSITION (issue 11): a domain type that has a versioned surrogate (an <c>IConverter</c> in Contracts)
/// or its own copier is left to Orleans' generated code; the JSON codec goes once every type has one.
/// </summary>
public static class DomainSerialization
{
    private static readonly HashSet<Type> Converted = ConvertedTypes();

    public static bool IsDomainType(Type type) =>
        type.Namespace?.StartsWith("OrleansCrm.Domain", StringComparison.Ordinal) == true
        && !typeof(Exception).IsAssignableFrom(type)
        && !type.IsAbstract
        && !type.IsEnum
        && !Converted.Contains(type);

    private static HashSet<Type> ConvertedTypes() =>
        typeof(DomainSerialization).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IConverter<,>) || i.GetGenericTypeDefinition() == typeof(IDeepCopier<>)))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();
}
