using OrleansCrm.Domain.Calls;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.ReadModel;

/// <summary>The embedded profile's contact index: the same contract as PostgreSQL, kept in this process.</summary>
public sealed class InMemoryContactIndex : IContactIndex
{
    /// <summary>The order <see cref="IContactIndex.ListAsync"/> promises: import sequence, then import time, then contact id.</summary>
    private static readonly Comparer<DialerContact> ImportOrder = Comparer<DialerContact>.Create((a, b) =>
        a.ImportSequence.CompareTo(b.ImportSequence) is var bySequence and not 0 ? bySequence
        : a.ImportedAt.CompareTo(b.ImportedAt) is var byTime and not 0 ? byTime
        : string.CompareOrdinal(a.ContactId, b.ContactId));

    private readonly Lock gate = new();

    // By campaign, then by contact: a dialer lists one campaign's contacts without looking at the others'.
    private readonly Dictionary<string, Dictionary<string, DialerContact>> campaigns = new(StringComparer.Ordinal);

    public Task UpsertAsync(DialerContact contact, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!campaigns.TryGetValue(contact.CampaignId, out var contacts))
            {
                contacts = new Dictionary<string, DialerContact>(StringComparer.Ordinal);
                campaigns.Add(contact.CampaignId, contacts);
            }

            if (!contacts.TryGetValue(contact.ContactId, out var stored) || contact.Version > stored.Version)
            {
                contacts[contact.ContactId] = contact;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyCollection<string>> AddNewAsync(IReadOnlyList<DialerContact> contacts, CancellationToken cancellationToken = default)
    {
        var added = new List<string>(contacts.Count);
        lock (gate)
        {
            foreach (var contact in contacts)
            {
                if (!campaigns.TryGetValue(contact.CampaignId, out var stored))
                {
                    stored = new Dictionary<string, DialerContact>(StringComparer.Ordinal);
                    campaigns.Add(contact.CampaignId, stored);
                }

                if (stored.TryAdd(contact.ContactId, contact))
                {
                    added.Add(contact.ContactId);
                }
            }
        }

        return Task.FromResult<IReadOnlyCollection<string>>(added);
    }

    public Task<DialerContact?> FindAsync(string campaignId, string contactId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(campaigns.TryGetValue(campaignId, out var contacts) ? contacts.GetValueOrDefault(contactId) : null);
        }
    }

    public Task<IReadOnlyList<DialerContact>> ListAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            IReadOnlyList<DialerContact> listed = campaigns.TryGetValue(campaignId, out var contacts) ? [.. contacts.Values.Order(ImportOrder)] : [];
            return Task.FromResult(listed);
        }
    }
}
