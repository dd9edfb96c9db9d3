using Orleans.Concurrency;
using OrleansCrm.Contracts;

namespace OrleansCrm.Grains;

[StatelessWorker]
public sealed class HealthGrain : Grain, IHealthGrain
{
    public Task PingAsync() => Task.CompletedTask;
}
