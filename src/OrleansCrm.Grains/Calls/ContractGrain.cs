using OrleansCrm.Contracts;
using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Grains.Calls;

/// <summary>A close-online contract, stored once under its protocol number.</summary>
public sealed class ContractGrain(
    [PersistentState(StorageNames.ContractState, StorageNames.Crm)] IPersistentState<ContractHolder> state)
    : Grain, IContractGrain
{
    public async Task<Contract> CreateAsync(Contract contract)
    {
        if (state.State.Contract is { } existing)
        {
            return existing;
        }

        state.State.Contract = contract;
        await state.WriteStateAsync();
        return contract;
    }

    public Task<Contract?> GetAsync() => Task.FromResult(state.State.Contract);
}
