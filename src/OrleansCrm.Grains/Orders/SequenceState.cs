namespace OrleansCrm.Grains.Orders;

[GenerateSerializer, Alias("OrleansCrm.SequenceState")]
public sealed class SequenceState
{
    /// <summary>The last number reserved; numbers up to it may have been handed out.</summary>
    [Id(0)]
    public long Reserved { get; set; } = 100_000;
}
