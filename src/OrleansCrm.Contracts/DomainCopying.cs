using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Orleans.Serialization.Cloning;

namespace OrleansCrm.Contracts;

/// <summary>How a domain value is copied when it crosses a grain call inside one process.</summary>
public enum DomainCopy
{
    /// <summary>Every field is read-only and holds an immutable value: caller and grain can share the instance.</summary>
    Share,

    /// <summary>Fields can be reassigned, but every value they hold is immutable: a member-wise copy is a deep copy.</summary>
    MemberwiseCopy,

    /// <summary>A field holds something mutable (a list, a mutable object): copied through JSON, as it is serialized.</summary>
    Json,
}

/// <summary>
/// Orleans copies every argument and result of a grain call so that caller and grain never share a mutable
/// object. For the domain's records that copy used to be a JSON round trip, the largest single cost of a call
/// cycle. This tells, once per type, whether the copy can be skipped or made member-wise instead.
/// Read-only collection interfaces (<c>IReadOnlyList</c> and the like) count as immutable: the domain never
/// changes a collection once it has handed it to a record.
/// </summary>
public static class DomainCopying
{
    private static readonly ConcurrentDictionary<Type, DomainCopy> Kinds = new();

    private static readonly HashSet<Type> ImmutableScalars =
    [
        typeof(string), typeof(decimal), typeof(DateTimeOffset), typeof(DateTime), typeof(DateOnly), typeof(TimeOnly),
        typeof(TimeSpan), typeof(Guid), typeof(Uri),
    ];

    private static readonly HashSet<Type> ImmutableCollections =
    [
        typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IReadOnlyDictionary<,>), typeof(IReadOnlySet<>),
        typeof(ImmutableArray<>), typeof(ImmutableList<>), typeof(ImmutableDictionary<,>), typeof(ImmutableHashSet<>),
        typeof(ImmutableSortedDictionary<,>), typeof(ImmutableSortedSet<>),
    ];

    public static DomainCopy Of(Type type) => Kinds.GetOrAdd(type, Classify);

    private static DomainCopy Classify(Type type)
    {
        if (!DomainSerialization.IsDomainType(type) || !(type.IsSealed || type.IsValueType))
        {
            return DomainCopy.Json;
        }

        var fields = InstanceFields(type).ToList();
        if (!fields.TrueForAll(field => IsImmutable(field.FieldType, [type])))
        {
            return DomainCopy.Json;
        }

        return type.IsValueType || fields.TrueForAll(field => field.IsInitOnly) ? DomainCopy.Share : DomainCopy.MemberwiseCopy;
    }

    private static bool IsImmutable(Type type, HashSet<Type> visiting)
    {
        if (type.IsPrimitive || type.IsEnum || ImmutableScalars.Contains(type))
        {
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return IsImmutable(underlying, visiting);
        }

        if (type.IsGenericType && ImmutableCollections.Contains(type.GetGenericTypeDefinition()))
        {
            return type.GetGenericArguments().All(argument => IsImmutable(argument, visiting));
        }

        if (!DomainSerialization.IsDomainType(type) || !(type.IsSealed || type.IsValueType))
        {
            return false;
        }

        if (!visiting.Add(type))
        {
            return true;
        }

        return InstanceFields(type).All(field => (field.IsInitOnly || type.IsValueType) && IsImmutable(field.FieldType, visiting));
    }

    private static IEnumerable<FieldInfo> InstanceFields(Type type)
    {
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }
}

/// <summary>Shares or member-wise copies the domain values <see cref="DomainCopying"/> allows; the JSON codec copies the rest.</summary>
public sealed class DomainCopier : IGeneralizedCopier
{
    private static readonly Func<object, object> CloneMembers =
        typeof(object).GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!.CreateDelegate<Func<object, object>>();

    public bool IsSupportedType(Type type) => DomainCopying.Of(type) != DomainCopy.Json;

    public object? DeepCopy(object? input, CopyContext context) =>
        input is not null && DomainCopying.Of(input.GetType()) == DomainCopy.MemberwiseCopy ? CloneMembers(input) : input;
}
