namespace OrleansCrm.Grains.Orders;

[GenerateSerializer, Alias("OrleansCrm.IdempotentOrderState")]
public sealed class IdempotentOrderState
{
    [Id(0)]
    public string? Fingerprint { get; set; }

    [Id(1)]
    public string? OrderNumber { get; set; }
}
