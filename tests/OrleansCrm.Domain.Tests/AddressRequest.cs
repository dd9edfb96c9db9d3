using OrleansCrm.Domain.Customers;

namespace OrleansCrm.Domain.Tests;

/// <summary>A postal address as a client may send it (the api's <c>PostalAddress</c> has this shape).</summary>
public sealed record AddressRequest(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country) : ISentPostalAddress;
