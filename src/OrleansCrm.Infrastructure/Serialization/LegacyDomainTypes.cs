using Orleans.Serialization;

namespace OrleansCrm.Infrastructure.Serialization;

/// <summary>
/// Lets a stored blob name a domain type: the previous builds' JSON fields carry the value's type by name, and
/// Orleans resolves only the names something allows. (The JSON codec allowed them while it wrote them.)
/// </summary>
internal sealed class LegacyDomainTypes : ITypeFilter
{
    public bool? IsTypeAllowed(Type type) =>
        type.Namespace?.StartsWith("OrleansCrm.Domain", StringComparison.Ordinal) == true ? true : null;
}
