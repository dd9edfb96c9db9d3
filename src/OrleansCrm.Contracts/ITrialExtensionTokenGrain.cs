namespace OrleansCrm.Contracts;

/// <summary>A customer's one-time trial-extension token, keyed by the token's SHA-256 (the raw token is not the key).</summary>
[Alias("OrleansCrm.ITrialExtensionTokenGrain")]
public interface ITrialExtensionTokenGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task RegisterAsync(string orderNumber);

    [Alias("Order")]
    Task<string?> GetOrderNumberAsync();
}
