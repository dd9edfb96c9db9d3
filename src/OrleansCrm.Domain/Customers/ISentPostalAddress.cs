namespace OrleansCrm.Domain.Customers;

/// <summary>A postal address as a client sent it, before the customer's check: any member may be missing.</summary>
public interface ISentPostalAddress
{
    string? Line1 { get; }

    string? Line2 { get; }

    string? City { get; }

    string? Region { get; }

    string? PostalCode { get; }

    string? Country { get; }
}
