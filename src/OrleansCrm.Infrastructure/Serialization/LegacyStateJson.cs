using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OrleansCrm.Infrastructure.Serialization;

/// <summary>
/// How the JSON blobs the previous builds stored (each domain value inside Orleans' binary format) are read now
/// that the domain's aggregates keep their fields to themselves. The blobs were written by property name with the web
/// defaults; this reads them by the same names into properties whose setters became private or init-only, into the
/// private field behind a getter-only property (<c>Notes =&gt; notes</c>), and through a private parameterless
/// constructor. What is not in the blob keeps the value the constructor gives it.
/// </summary>
public static class LegacyStateJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(ReachPrivateMembers);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = resolver };
        options.MakeReadOnly();
        return options;
    }

    private static void ReachPrivateMembers(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !IsDomainType(info.Type))
        {
            return;
        }

        if (info.CreateObject is null && info.Type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes) is { } hidden
            && !HasPublicParameterizedConstructor(info.Type))
        {
            info.CreateObject = () => hidden.Invoke(null);
        }

        foreach (var property in info.Properties)
        {
            if (property.Set is not null || property.AttributeProvider is not PropertyInfo member)
            {
                continue;
            }

            if (member.GetSetMethod(nonPublic: true) is { } setter)
            {
                property.Set = (target, value) => setter.Invoke(target, [value]);
            }
            else if (BackingField(info.Type, member) is { } field && Converter(field.FieldType, member.PropertyType) is { } convert)
            {
                property.Set = (target, value) => field.SetValue(target, convert(value));
            }
        }
    }

    private static bool IsDomainType(Type type) => type.Namespace?.StartsWith("OrleansCrm.Domain", StringComparison.Ordinal) == true;

    private static bool HasPublicParameterizedConstructor(Type type) =>
        type.GetConstructors().Any(c => c.GetParameters().Length > 0);

    /// <summary>The field a getter-only property shows: <c>notes</c>, <c>_notes</c> or the compiler's backing field.</summary>
    private static FieldInfo? BackingField(Type type, PropertyInfo property)
    {
        var camel = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        string[] names = [$"<{property.Name}>k__BackingField", camel, "_" + camel];
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var name in names)
            {
                if (t.GetField(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly) is { } field)
                {
                    return field;
                }
            }
        }

        return null;
    }

    /// <summary>The value read as the property's type, made fit for the field (a list behind a read-only list).</summary>
    private static Func<object?, object?>? Converter(Type fieldType, Type propertyType)
    {
        if (fieldType.IsAssignableFrom(propertyType))
        {
            return value => value;
        }

        var copy = fieldType.GetConstructors().FirstOrDefault(c =>
            c.GetParameters() is [var only] && only.ParameterType.IsAssignableFrom(propertyType));
        return copy is null ? null : value => value is null ? null : copy.Invoke([value]);
    }
}
