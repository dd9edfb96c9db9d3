using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Grains.Calls;

[GenerateSerializer, Alias("OrleansCrm.ContractHolder")]
public sealed class ContractHolder
{
    [Id(0)]
    public Contract? Contract { get; set; }
}
