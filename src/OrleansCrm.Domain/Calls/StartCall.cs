using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// Starting a call attempt: on a lease from <c>dialer/next</c> (<see cref="LeaseId"/>), or directly on a contact of a
/// campaign (<see cref="ContactId"/>, or <see cref="CustomerId"/> for a customer, who becomes a contact of the campaign).
/// </summary>
public sealed record StartCall(
    string AgentId,
    string? LeaseId,
    string? CampaignId,
    string? ContactId,
    string? CustomerId,
    string? OrderNumber,
    string? TaskId,
    bool Inbound)
{
    /// <summary>A call starts on a lease or on a named contact or customer; a task call names its order.</summary>
    public void Check()
    {
        var v = new Validator();
        v.Id("campaignId", CampaignId);
        v.Id("leaseId", LeaseId, required: false);
        v.Id("contactId", ContactId, required: false);
        v.Id("customerId", CustomerId, required: false);
        v.Id("orderNumber", OrderNumber, required: false);
        v.Id("taskId", TaskId, required: false);
        if (LeaseId is null && ContactId is null && CustomerId is null)
        {
            v.Add("leaseId", "give the lease from dialer/next, or a contactId or customerId to call directly.");
        }

        if (TaskId is not null && OrderNumber is null)
        {
            v.Add("taskId", "a task call needs the task's orderNumber.");
        }

        v.ThrowIfInvalid();
    }
}
