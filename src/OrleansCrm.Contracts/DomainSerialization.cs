namespace OrleansCrm.Contracts;

/// <summary>
/// The domain's records carry no Orleans attributes (the domain knows nothing of Orleans), so grain
/// calls and grain state carry them as JSON. Exceptions are left to Orleans' own exception codec.
/// </summary>
public static class DomainSerialization
{
    public static bool IsDomainType(Type type) =>
        type.Namespace?.StartsWith("OrleansCrm.Domain", StringComparison.Ordinal) == true
        && !typeof(Exception).IsAssignableFrom(type)
        && !type.IsAbstract
        && !type.IsEnum;
}
