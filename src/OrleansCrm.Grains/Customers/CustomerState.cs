using OrleansCrm.Domain.Customers;

namespace OrleansCrm.Grains.Customers;

[GenerateSerializer, Alias("OrleansCrm.CustomerState")]
public sealed class CustomerState
{
    [Id(0)]
    public CustomerProfile? Profile { get; set; }

    [Id(1)]
    public List<CustomerNote> Notes { get; set; } = [];

    [Id(2)]
    public bool AutoPaymentsEnabled { get; set; } = true;

    [Id(3)]
    public List<string> OrderNumbers { get; set; } = [];

    [Id(4)]
    public List<string> CallIds { get; set; } = [];

    [Id(5)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(6)]
    public long Version { get; set; }
}
