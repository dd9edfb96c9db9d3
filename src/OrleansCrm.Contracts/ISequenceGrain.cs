namespace OrleansCrm.Contracts;

/// <summary>Hands out order numbers, unique across the cluster.</summary>
[Alias("OrleansCrm.ISequenceGrain")]
public interface ISequenceGrain : IGrainWithStringKey
{
    [Alias("Next")]
    Task<long> NextAsync();
}
