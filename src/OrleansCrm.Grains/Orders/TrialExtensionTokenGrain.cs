using OrleansCrm.Contracts;

namespace OrleansCrm.Grains.Orders;

public sealed class TrialExtensionTokenGrain(
    [PersistentState(StorageNames.TrialTokenState, StorageNames.Crm)] IPersistentState<TrialTokenState> state)
    : Grain, ITrialExtensionTokenGrain
{
    public async Task RegisterAsync(string orderNumber)
    {
        state.State.OrderNumber = orderNumber;
        await state.WriteStateAsync();
    }

    public Task<string?> GetOrderNumberAsync() => Task.FromResult(state.State.OrderNumber);
}
