using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts;

/// <summary>A close-online contract, keyed by its protocol number.</summary>
[Alias("OrleansCrm.IContractGrain")]
public interface IContractGrain : IGrainWithStringKey
{
    /// <summary>Stores the contract once; creating it again returns the first.</summary>
    [Alias("Create")]
    [return: Immutable]
    Task<Contract> CreateAsync([Immutable] Contract contract);

    [Alias("Get")]
    [return: Immutable]
    Task<Contract?> GetAsync();
}
