namespace OrleansCrm.Grains.Orders;

[GenerateSerializer, Alias("OrleansCrm.TrialTokenState")]
public sealed class TrialTokenState
{
    [Id(0)]
    public string? OrderNumber { get; set; }
}
