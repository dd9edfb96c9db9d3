using OrleansCrm.Contracts;

namespace OrleansCrm.Grains.Calls;

[GenerateSerializer, Alias("OrleansCrm.DoNotCallList")]
public sealed class DoNotCallList
{
    [Id(0)]
    public Dictionary<string, BlockedNumber> Numbers { get; set; } = new(StringComparer.Ordinal);
}
