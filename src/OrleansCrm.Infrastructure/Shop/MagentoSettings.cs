using Microsoft.Extensions.Configuration;

namespace OrleansCrm.Infrastructure.Shop;

/// <summary>
/// The Magento 2 pull connector: <c>Shop:Magento:BaseUrl</c> (without it the shop pushes and nothing is pulled),
/// <c>Shop:Magento:Token</c> (the bearer token), <c>Shop:Magento:PageSize</c>, <c>Shop:Magento:StoreCode</c> (the
/// store the pulled orders are in; the default store without it) and <c>Shop:Magento:SalesRepField</c> (the dotted
/// path of the rep in an order: core Magento records none, so an extension attribute or the admin user field).
/// A class, not a record, so that no generated ToString prints the token.
/// </summary>
public sealed class MagentoSettings
{
    public const string BaseUrlKey = "Shop:Magento:BaseUrl";
    public const string TokenKey = "Shop:Magento:Token";
    public const string PageSizeKey = "Shop:Magento:PageSize";
    public const string StoreCodeKey = "Shop:Magento:StoreCode";
    public const string SalesRepFieldKey = "Shop:Magento:SalesRepField";

    public Uri? BaseUrl { get; init; }

    public string? Token { get; init; }

    public int PageSize { get; init; } = 200;

    public string? StoreCode { get; init; }

    public string SalesRepField { get; init; } = "extension_attributes.sales_rep";

    public static MagentoSettings Read(IConfiguration configuration)
    {
        var baseUrl = configuration[BaseUrlKey];
        Uri? uri = null;
        if (!string.IsNullOrWhiteSpace(baseUrl)
            && (!Uri.TryCreate(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https")))
        {
            throw new InvalidOperationException($"Configuration '{BaseUrlKey}' must be an absolute http(s) URL; it is '{baseUrl}'.");
        }

        if (uri is not null && string.IsNullOrWhiteSpace(configuration[TokenKey]))
        {
            throw new InvalidOperationException($"Configuration '{TokenKey}' is required with '{BaseUrlKey}'.");
        }

        return new MagentoSettings
        {
            BaseUrl = uri,
            Token = configuration[TokenKey],
            PageSize = (int)Hosting.SettingValues.Whole(configuration, PageSizeKey, 200, 1000),
            StoreCode = configuration[StoreCodeKey],
            SalesRepField = configuration[SalesRepFieldKey] is { Length: > 0 } field ? field : "extension_attributes.sales_rep",
        };
    }
}
