using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Edge;

/// <summary>
/// How every request body is read, whatever its type: each string passes <see cref="InputText"/>
/// (free text, marked <see cref="FreeTextAttribute"/>, has card numbers cut; every other string
/// refuses them), instants carry an offset and stay in range, amounts keep their digits, enums are
/// spelled one way, lists are capped, and a property the type does not have is refused.
/// </summary>
public static class JsonInput
{
    /// <summary>The most items any list in a request body may hold (lead import has its own limit).</summary>
    public const int MaxListItems = 1000;

    public static void Configure(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Insert(0, CheckedString.Strict);
        options.Converters.Insert(1, new InstantConverter());
        options.Converters.Insert(2, new NullableInstantConverter());
        options.Converters.Insert(3, new AmountConverter());
        options.Converters.Insert(4, new ExactEnumConverterFactory());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Checks);
    }

    /// <summary>Free-text properties read as free text; every list property is capped (bytes, base64 in JSON, are capped by the body limit and their type's own rule).</summary>
    private static void Checks(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var lists = new List<(JsonPropertyInfo Property, int Max)>();
        foreach (var property in type.Properties)
        {
            if (property.PropertyType == typeof(string) && IsFreeText(property))
            {
                property.CustomConverter = CheckedString.FreeText;
            }
            else if (property.PropertyType != typeof(string) && property.PropertyType != typeof(byte[]) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType) && property.Get is not null)
            {
                var max = property.AttributeProvider?.GetCustomAttributes(typeof(MaxItemsAttribute), false).OfType<MaxItemsAttribute>().FirstOrDefault()?.Max ?? MaxListItems;
                lists.Add((property, max));
            }
        }

        if (lists.Count == 0)
        {
            return;
        }

        var before = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            foreach (var (list, max) in lists)
            {
                if (list.Get!(value) is IEnumerable items && Count(items, max) > max)
                {
                    throw new InputRefusedException($"may hold at most {max} items.", list.Name);
                }
            }

            before?.Invoke(value);
        };
    }

    private static int Count(IEnumerable items, int max)
    {
        if (items is ICollection collection)
        {
            return collection.Count;
        }

        var n = 0;
        foreach (var _ in items)
        {
            if (++n > max)
            {
                break;
            }
        }

        return n;
    }

    private static bool IsFreeText(JsonPropertyInfo property) =>
        property.AttributeProvider?.IsDefined(typeof(FreeTextAttribute), inherit: true) == true
        || property.AssociatedParameter?.AttributeProvider?.IsDefined(typeof(FreeTextAttribute), inherit: true) == true;

    private static string Checked(string value, bool freeText)
    {
        if (InputText.ProblemWith(value, freeText) is { } problem)
        {
            throw new InputRefusedException(problem);
        }

        return InputText.Clean(value, freeText);
    }

    /// <summary>
    /// Every string: strict (ids, keys, names, emails, codes, addresses — and dictionary keys) unless it is
    /// free text (notes, comments, reasons, messages), which may hold line breaks and has card numbers cut.
    /// </summary>
    private sealed class CheckedString(bool freeText) : JsonConverter<string>
    {
        public static readonly CheckedString Strict = new(freeText: false);

        public static readonly CheckedString FreeText = new(freeText: true);

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException();
            }

            return Checked(reader.GetString()!, freeText);
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(reader.GetString()!, freeText: false);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
    }

    /// <summary>Instants with an explicit offset, inside <see cref="Instants"/>' range; written as ISO 8601.</summary>
    private sealed class InstantConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new InputRefusedException(Instants.Rule + ".");
            }

            return Instants.TryRead(reader.GetString(), out var instant, out var problem) ? instant : throw new InputRefusedException(problem!);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class NullableInstantConverter : JsonConverter<DateTimeOffset?>
    {
        private readonly InstantConverter inner = new();

        public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? null : inner.Read(ref reader, typeof(DateTimeOffset), options);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
        {
            if (value is { } v)
            {
                writer.WriteStringValue(v);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }

    /// <summary>
    /// Amounts exactly as written: a literal whose digits a decimal cannot hold (<c>1e-30</c> would
    /// silently become a 28-decimal zero) is refused, not rounded; the currency's own precision is
    /// checked by the domain.
    /// </summary>
    private sealed class AmountConverter : JsonConverter<decimal>
    {
        /// <summary>More decimal places than any currency has (ISO 4217 has at most 4) is never a real amount.</summary>
        private const int MaxDecimalPlaces = 8;

        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException();
            }

            var literal = reader.HasValueSequence ? Encoding.ASCII.GetString(reader.ValueSequence.ToArray()) : Encoding.ASCII.GetString(reader.ValueSpan);
            if (DecimalPlaces(literal) > MaxDecimalPlaces)
            {
                throw new InputRefusedException($"has more decimal places than any currency has (at most {MaxDecimalPlaces} are read).");
            }

            if (!decimal.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new InputRefusedException("is too large.");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

        /// <summary>"54.90" → 1, "1e-30" → 30, "5.4E1" → 0, "100e-2" → 0: the places the literal really needs.</summary>
        internal static int DecimalPlaces(string literal)
        {
            var e = literal.IndexOfAny(['e', 'E']);
            var mantissa = (e < 0 ? literal : literal[..e]).TrimStart('-');
            if (!long.TryParse(e < 0 ? "0" : literal[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
            {
                return int.MaxValue;
            }

            var dot = mantissa.IndexOf('.');
            var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
            var scale = (dot < 0 ? 0 : mantissa.Length - dot - 1) - exponent;
            var significant = digits.TrimEnd('0');
            if (significant.TrimStart('0').Length == 0)
            {
                return 0; // zero, however it is written
            }

            scale -= digits.Length - significant.Length;
            return (int)Math.Clamp(scale, 0, int.MaxValue);
        }
    }

    /// <summary>Enums as their names, spelled exactly as the API documents them, both ways.</summary>
    private sealed class ExactEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ExactEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class ExactEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByName = Enum.GetValues<T>().ToDictionary(v => v.ToString(), StringComparer.Ordinal);

        private static readonly string Allowed = string.Join(", ", ByName.Keys);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(ref reader);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(ref reader);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(value.ToString());

        private static T Parse(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && ByName.TryGetValue(reader.GetString()!, out var value))
            {
                return value;
            }

            throw new InputRefusedException($"must be one of: {Allowed}.");
        }
    }
}
