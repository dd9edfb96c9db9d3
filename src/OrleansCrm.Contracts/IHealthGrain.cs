namespace OrleansCrm.Contracts;

/// <summary>Answers when a silo can activate grains: what readiness means for the api.</summary>
[Alias("OrleansCrm.IHealthGrain")]
public interface IHealthGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task PingAsync();
}
