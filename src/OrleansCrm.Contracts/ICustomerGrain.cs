using Orleans.Concurrency;
using OrleansCrm.Domain.Customers;

namespace OrleansCrm.Contracts;

/// <summary>A customer, keyed by customer id.</summary>
[Alias("OrleansCrm.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>Creates the customer; a second create of the same id is a conflict.</summary>
    [Alias("Create")]
    [return: Immutable]
    Task<Customer> CreateAsync([Immutable] CustomerProfile profile);

    /// <summary>Interleaves: orders read the customer while the customer may be notifying them.</summary>
    [Alias("Get"), AlwaysInterleave]
    [return: Immutable]
    Task<Customer?> GetAsync();

    /// <summary>Links an order to the customer.</summary>
    [Alias("AddOrder")]
    Task AddOrderAsync(string orderNumber);

    [Alias("AddNote")]
    [return: Immutable]
    Task<CustomerNote> AddNoteAsync(string? text, string author);

    [Alias("DeleteNote")]
    Task DeleteNoteAsync(string noteId);

    /// <summary>Turns the customer's scheduled charges on or off (admins only, checked by the API).</summary>
    [Alias("SetAutoPayments")]
    [return: Immutable]
    Task<Customer> SetAutoPaymentsAsync(bool enabled, string changedBy);
}
