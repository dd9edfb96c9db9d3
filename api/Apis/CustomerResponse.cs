using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Customers;

namespace OrleansCrm.Api.Apis;

/// <summary>The customer card: profile, the customer's current local time, notes and the auto-payments flag.</summary>
public sealed record CustomerResponse(
    string Id,
    string Name,
    string? Email,
    string Phone,
    PostalAddress? Address,
    string TimeZone,
    string? PersonalManager,
    bool AutoPaymentsEnabled,
    LocalTimeView LocalTime,
    IReadOnlyList<CustomerNote> Notes,
    DateTimeOffset CreatedAt,
    long Version)
{
    public static CustomerResponse From(Customer customer, DateTimeOffset now)
    {
        var p = customer.Profile;
        return new(customer.Id, p.Name, p.Email, p.Phone, p.Address is { } address ? PostalAddress.From(address) : null, p.TimeZone, p.PersonalManager, customer.AutoPaymentsEnabled,
            new LocalTimeView(TimeZones.LocalTime(now, p.TimeZone), p.TimeZone), CustomerNote.Of(customer.Notes), customer.CreatedAt, customer.Version);
    }
}
