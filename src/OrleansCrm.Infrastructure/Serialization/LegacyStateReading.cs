using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace OrleansCrm.Infrastructure.Serialization;

/// <summary>
/// Reads what the previous builds stored: each domain value was a JSON blob inside Orleans' binary format, under a
/// field header that names Orleans' JSON codec. The codec is registered so that it selects no type for writing or
/// copying (every domain type crosses calls and storage through its surrogate in Contracts/Wire); it is still chosen
/// for a field whose header names it, and reads the blob with <see cref="LegacyStateJson.Options"/>.
/// </summary>
public static class LegacyStateReading
{
    public static ISerializerBuilder AddLegacyStateReading(this ISerializerBuilder serializer)
    {
        serializer.AddJsonSerializer(
            isSerializable: _ => false,
            isCopyable: _ => false,
            configureOptions: options => options.Configure(o => o.SerializerOptions = LegacyStateJson.Options));
        serializer.Services.AddSingleton<ITypeFilter, LegacyDomainTypes>();
        return serializer;
    }
}
