using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// The dialing queue of one campaign, in memory (its grain rebuilds it from the contacts on activation).
/// Hands out, in order: the asking agent's own due private callbacks, due public callbacks (private ones
/// overdue by the grace period included), due retries, fresh leads — only inside the calling hours on the
/// contact's own wall clock. Each hand-out is a lease that goes back to the queue when it expires.
/// Not thread-safe: one grain owns it.
/// </summary>
public sealed class DialerQueue(CallingHours hours, TimeSpan privateCallbackGrace)
{
    /// <summary>How long a number found on the do-not-call list is left alone before it is checked again.</summary>
    public static readonly TimeSpan BlockedRecheck = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, DialerContact> contacts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Placement> places = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DialerLease> leasesByContact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> contactByLease = new(StringComparer.Ordinal);
    private readonly SortedSet<Entry> leaseExpiry = [];
    private readonly SortedSet<Entry> fresh = [];
    private readonly SortedSet<Entry> retries = [];
    private readonly SortedSet<Entry> publicCallbacks = [];
    private readonly Dictionary<string, SortedSet<Entry>> privateCallbacks = new(StringComparer.Ordinal);
    private readonly SortedSet<Entry> promotions = [];
    private readonly Dictionary<string, string> contactByPhone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> arrival = new(StringComparer.Ordinal);
    private long sequence;
    private int done;

    public CallingHours Hours { get; private set; } = hours;

    public TimeSpan PrivateCallbackGrace { get; private set; } = privateCallbackGrace;

    public int Count => contacts.Count;

    /// <summary>The campaign's calling hours or grace changed.</summary>
    public void Reconfigure(CallingHours newHours, TimeSpan newGrace)
    {
        (Hours, PrivateCallbackGrace) = (newHours, newGrace);
        foreach (var contact in contacts.Values.ToList())
        {
            if (!leasesByContact.ContainsKey(contact.ContactId))
            {
                Unplace(contact.ContactId);
                Place(contact);
            }
        }
    }

    public bool Contains(string contactId) => contacts.ContainsKey(contactId);

    /// <summary>Whether a contact of the campaign has this number (a number is called once per campaign, whatever the lead's id).</summary>
    public bool HasPhone(string phone) => contactByPhone.ContainsKey(phone);

    public DialerContact? Find(string contactId) => contacts.GetValueOrDefault(contactId);

    public DialerLease? LeaseOf(string contactId) => leasesByContact.GetValueOrDefault(contactId);

    /// <summary>Adds a contact or takes its newer state (an older version is ignored). A contact's new state ends its lease.</summary>
    public void Upsert(DialerContact contact)
    {
        if (contacts.TryGetValue(contact.ContactId, out var known))
        {
            // The same state told again (a contact reconciling after a failure) changes nothing, its lease included.
            if (known.Version >= contact.Version)
            {
                return;
            }

            if (known.Stage == DialStage.Done)
            {
                done--;
            }

            Unplace(contact.ContactId);
            EndLease(contact.ContactId);
        }

        contacts[contact.ContactId] = contact;
        contactByPhone.TryAdd(contact.Phone, contact.ContactId);
        arrival.TryAdd(contact.ContactId, ++sequence);
        if (contact.Stage == DialStage.Done)
        {
            done++;
        }
        else
        {
            Place(contact);
        }
    }

    /// <summary>
    /// The next contact for <paramref name="agentId"/>, leased and taken out of the queue, or null when nothing may be called now.
    /// The caller checks the do-not-call list and hands a blocked one back with <see cref="SetAside"/>.
    /// </summary>
    public DialerHandOut? Next(string agentId, DateTimeOffset now, string leaseId, TimeSpan leaseFor)
    {
        Housekeep(now);
        foreach (var (set, why) in Order(agentId))
        {
            while (set.Count > 0 && set.Min.At <= now)
            {
                var entry = set.Min;
                var contact = contacts[entry.ContactId];
                var window = CallingWindow.For(Hours, contact.TimeZone);
                if (!window.IsOpen(now))
                {
                    Requeue(set, entry, window.NextOpening(now));
                    continue;
                }

                Unplace(contact.ContactId);
                var lease = new DialerLease(leaseId, contact.ContactId, agentId, why, now + leaseFor, null);
                AddLease(lease);
                return new DialerHandOut(lease, contact);
            }
        }

        return null;
    }

    /// <summary>A call starts on a lease: the lease must be the agent's and alive; it then lasts until <paramref name="until"/> (the call's timeout).</summary>
    public DialerHandOut StartCall(string leaseId, string agentId, string callId, DateTimeOffset now, DateTimeOffset until)
    {
        Housekeep(now);
        if (!contactByLease.TryGetValue(leaseId, out var contactId))
        {
            throw DomainException.Conflict("Lease expired", $"Lease '{Validator.Shorten(leaseId)}' is not held (it expired or was never handed out); ask dialer/next again.");
        }

        var lease = leasesByContact[contactId];
        if (lease.AgentId != agentId)
        {
            throw DomainException.Conflict("Another agent's lease", $"Lease '{leaseId}' was handed to agent '{lease.AgentId}', not '{agentId}'.");
        }

        if (lease.CallId is not null && lease.CallId != callId)
        {
            throw DomainException.Conflict("Lease in use", $"Call '{lease.CallId}' already started on lease '{leaseId}'.");
        }

        EnsureNoOtherCallWith(contacts[contactId], agentId, callId);

        EndLease(contactId);
        var started = lease with { CallId = callId, ExpiresAt = until };
        AddLease(started);
        return new DialerHandOut(started, contacts[contactId]);
    }

    /// <summary>A call starts on a contact without a hand-out (inbound, a task call): the contact is held for it unless another agent holds it.</summary>
    public DialerHandOut StartDirectCall(string contactId, string agentId, string callId, DateTimeOffset now, DateTimeOffset until)
    {
        Housekeep(now);
        if (!contacts.TryGetValue(contactId, out var contact))
        {
            throw DomainException.NotFound("Contact", contactId);
        }

        if (leasesByContact.TryGetValue(contactId, out var held) && held.CallId != callId)
        {
            if (held.AgentId != agentId || held.CallId is not null)
            {
                throw DomainException.Conflict("Contact in use", $"Contact '{contactId}' is held by agent '{held.AgentId}'{(held.CallId is null ? "" : $" on call '{held.CallId}'")} until {held.ExpiresAt:O}.");
            }
        }

        EnsureNoOtherCallWith(contact, agentId, callId);
        Unplace(contactId);
        EndLease(contactId);
        var lease = new DialerLease("direct-" + callId, contactId, agentId, held?.Why ?? HandOutReason.Direct, until, callId);
        AddLease(lease);
        return new DialerHandOut(lease, contact);
    }

    /// <summary>
    /// One open call per person in the campaign, whatever contact record a call names: another contact with the same
    /// phone or the same customer that is on a call, or held by another agent, refuses the call.
    /// </summary>
    private void EnsureNoOtherCallWith(DialerContact contact, string agentId, string callId)
    {
        foreach (var lease in leasesByContact.Values)
        {
            if (lease.ContactId == contact.ContactId || lease.CallId == callId || (lease.CallId is null && lease.AgentId == agentId))
            {
                continue;
            }

            var other = contacts[lease.ContactId];
            if (other.Phone == contact.Phone || (contact.CustomerId is not null && other.CustomerId == contact.CustomerId))
            {
                throw DomainException.Conflict(
                    "Contact in use",
                    $"{(other.Phone == contact.Phone ? $"{contact.Phone}" : $"Customer '{contact.CustomerId}'")} is held as contact '{other.ContactId}' by agent '{lease.AgentId}'{(lease.CallId is null ? "" : $" on call '{lease.CallId}'")} until {lease.ExpiresAt:O}; one call at a time per contact.");
            }
        }
    }

    /// <summary>A leased contact whose number turned out blocked: back to the queue, not looked at again before <paramref name="until"/>.</summary>
    public void SetAside(string contactId, DateTimeOffset until)
    {
        // A new state may have put the contact back in the queue while its number was being checked.
        Unplace(contactId);
        EndLease(contactId);
        Place(contacts[contactId], until);
        MarkAside(contactId, until);
    }

    /// <summary>
    /// The call on the contact ended without an outcome (discarded, timed out): the contact goes back where it was in the queue.
    /// Only the call's own hold is released: once that lapsed, the contact may be leased to another agent.
    /// The lease released, or null when the call held none.
    /// </summary>
    public DialerLease? Release(string contactId, string callId)
    {
        if (leasesByContact.TryGetValue(contactId, out var lease) && lease.CallId == callId)
        {
            EndLease(contactId);
            Place(contacts[contactId]);
            return lease;
        }

        return null;
    }

    /// <summary>A hand-out that could not be given (its lease was not stored): the contact goes back where it was, unless it changed since.</summary>
    public void GiveBack(string contactId, string leaseId)
    {
        if (leasesByContact.TryGetValue(contactId, out var lease) && lease.LeaseId == leaseId)
        {
            EndLease(contactId);
            Place(contacts[contactId]);
        }
    }

    /// <summary>
    /// A lease stored before this queue was rebuilt (a restart, a failover): the contact is held again for its agent, as it was,
    /// when the lease is still alive and the contact has not changed since it was taken (<paramref name="contactVersion"/>).
    /// </summary>
    public bool Restore(DialerLease lease, long contactVersion, DateTimeOffset now)
    {
        if (lease.ExpiresAt <= now
            || !contacts.TryGetValue(lease.ContactId, out var contact)
            || contact.Version != contactVersion
            || leasesByContact.ContainsKey(lease.ContactId)
            || contactByLease.ContainsKey(lease.LeaseId))
        {
            return false;
        }

        Unplace(lease.ContactId);
        AddLease(lease);
        return true;
    }

    public DialerStats Stats(DateTimeOffset now)
    {
        Housekeep(now);
        var due = 0;
        var scheduled = 0;
        foreach (var contact in contacts.Values)
        {
            if (contact.Stage == DialStage.Done || leasesByContact.ContainsKey(contact.ContactId))
            {
                continue;
            }

            // A number set aside as blocked is not due again before its recheck.
            if (contact.DueAt <= now && !(places.TryGetValue(contact.ContactId, out var place) && place.AsideUntil > now))
            {
                due++;
            }
            else
            {
                scheduled++;
            }
        }

        // A done contact on a direct call is counted as done, not as leased.
        var leased = leasesByContact.Keys.Count(id => contacts[id].Stage != DialStage.Done);
        return new DialerStats(due, scheduled, leased, done, contacts.Count);
    }

    /// <summary>The contacts <see cref="Stats"/> counts as due, by stage (the wallboard's tile).</summary>
    public DueByStage DueNowByStage(DateTimeOffset now)
    {
        Housekeep(now);
        var (duePrivate, duePublic, dueRetries, dueNew) = (0, 0, 0, 0);
        foreach (var contact in contacts.Values)
        {
            if (contact.Stage == DialStage.Done || leasesByContact.ContainsKey(contact.ContactId) || contact.DueAt > now
                || (places.TryGetValue(contact.ContactId, out var place) && place.AsideUntil > now))
            {
                continue;
            }

            switch (contact.Stage)
            {
                case DialStage.Callback when contact.CallbackOwner is not null:
                    duePrivate++;
                    break;
                case DialStage.Callback:
                    duePublic++;
                    break;
                case DialStage.Retry:
                    dueRetries++;
                    break;
                default:
                    dueNew++;
                    break;
            }
        }

        return new DueByStage(duePrivate, duePublic, dueRetries, dueNew);
    }

    private IEnumerable<(SortedSet<Entry> Set, HandOutReason Why)> Order(string agentId)
    {
        if (privateCallbacks.TryGetValue(agentId, out var own))
        {
            yield return (own, HandOutReason.PrivateCallback);
        }

        yield return (publicCallbacks, HandOutReason.Callback);
        yield return (retries, HandOutReason.Retry);
        yield return (fresh, HandOutReason.New);
    }

    /// <summary>Expired leases go back to the queue; private callbacks overdue by the grace period become public.</summary>
    private void Housekeep(DateTimeOffset now)
    {
        while (leaseExpiry.Count > 0 && leaseExpiry.Min.At <= now)
        {
            var contactId = leaseExpiry.Min.ContactId;
            EndLease(contactId);
            Place(contacts[contactId]);
        }

        while (promotions.Count > 0 && promotions.Min.At <= now)
        {
            var contactId = promotions.Min.ContactId;
            var contact = contacts[contactId];

            // Turning public does not cut short a wait already in place (set aside as blocked, or waiting for its window).
            var (waitsUntil, asideUntil) = (places[contactId].Entry.At, places[contactId].AsideUntil);
            Unplace(contactId);
            contacts[contactId] = contact with { CallbackOwner = null };
            Place(contacts[contactId], waitsUntil);
            MarkAside(contactId, asideUntil);
        }
    }

    private void Place(DialerContact contact, DateTimeOffset? notBefore = null)
    {
        var at = notBefore is { } later && later > contact.DueAt ? later : contact.DueAt;
        // A contact keeps its place in line, by import order then arrival: a lapsed lease puts it back where it was, not at the end.
        var entry = new Entry(at, contact.DueAt, contact.ImportSequence, arrival[contact.ContactId], contact.ContactId);
        switch (contact.Stage)
        {
            case DialStage.Fresh:
                Add(fresh, entry, null);
                break;
            case DialStage.Retry:
                Add(retries, entry, null);
                break;
            case DialStage.Callback when contact.CallbackOwner is { } owner:
                if (!privateCallbacks.TryGetValue(owner, out var own))
                {
                    privateCallbacks[owner] = own = [];
                }

                var promotion = new Entry(contact.DueAt + PrivateCallbackGrace, contact.DueAt, entry.Imported, entry.Sequence, contact.ContactId);
                promotions.Add(promotion);
                Add(own, entry, promotion);
                break;
            case DialStage.Callback:
                Add(publicCallbacks, entry, null);
                break;
        }
    }

    private void Add(SortedSet<Entry> set, Entry entry, Entry? promotion)
    {
        set.Add(entry);
        places[entry.ContactId] = new Placement(set, entry, promotion, null);
    }

    private void MarkAside(string contactId, DateTimeOffset? until)
    {
        if (until is not null && places.TryGetValue(contactId, out var place))
        {
            places[contactId] = place with { AsideUntil = until };
        }
    }

    private void Requeue(SortedSet<Entry> set, Entry entry, DateTimeOffset at)
    {
        var place = places[entry.ContactId];
        set.Remove(entry);
        var moved = entry with { At = at };
        set.Add(moved);
        places[entry.ContactId] = place with { Entry = moved };
    }

    private void Unplace(string contactId)
    {
        if (places.Remove(contactId, out var place))
        {
            place.Set.Remove(place.Entry);
            if (place.Promotion is { } promotion)
            {
                promotions.Remove(promotion);
            }
        }
    }

    private void AddLease(DialerLease lease)
    {
        leasesByContact[lease.ContactId] = lease;
        contactByLease[lease.LeaseId] = lease.ContactId;
        leaseExpiry.Add(new Entry(lease.ExpiresAt, lease.ExpiresAt, 0, 0, lease.ContactId));
    }

    private void EndLease(string contactId)
    {
        if (leasesByContact.Remove(contactId, out var lease))
        {
            contactByLease.Remove(lease.LeaseId);
            leaseExpiry.Remove(new Entry(lease.ExpiresAt, lease.ExpiresAt, 0, 0, contactId));
        }
    }

    /// <summary>Where a contact waits; <paramref name="AsideUntil"/> when it waits because its number was found blocked.</summary>
    private sealed record Placement(SortedSet<Entry> Set, Entry Entry, Entry? Promotion, DateTimeOffset? AsideUntil);

    /// <summary>
    /// A place in a queue: when it may be looked at, then by due time (first due, first called), then by import order
    /// (stored with the contact, so it survives a rebuild of the queue), then by arrival in this queue.
    /// </summary>
    private readonly record struct Entry(DateTimeOffset At, DateTimeOffset Due, long Imported, long Sequence, string ContactId) : IComparable<Entry>
    {
        public int CompareTo(Entry other)
        {
            var byTime = At.CompareTo(other.At);
            if (byTime != 0)
            {
                return byTime;
            }

            var byDue = Due.CompareTo(other.Due);
            if (byDue != 0)
            {
                return byDue;
            }

            var byImport = Imported.CompareTo(other.Imported);
            if (byImport != 0)
            {
                return byImport;
            }

            var bySequence = Sequence.CompareTo(other.Sequence);
            return bySequence != 0 ? bySequence : string.CompareOrdinal(ContactId, other.ContactId);
        }
    }
}
