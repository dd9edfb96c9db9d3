using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Api.Apis;

/// <summary>The customer's calls tab: calls about their orders, calls made for tasks, and the rest.</summary>
public sealed record CustomerCallsView(string CustomerId, IReadOnlyList<CallEntry> OrderCalls, IReadOnlyList<CallEntry> TaskCalls, IReadOnlyList<CallEntry> OtherCalls)
{
    /// <summary>The one split of a customer's calls, for the customer's tab and the order page alike.</summary>
    public static CustomerCallsView Of(string customerId, IReadOnlyList<CallEntry> calls) => new(
        customerId,
        calls.Where(c => c.TaskId is null && c.OrderNumber is not null).ToList(),
        calls.Where(c => c.TaskId is not null).ToList(),
        calls.Where(c => c.TaskId is null && c.OrderNumber is null).ToList());
}
