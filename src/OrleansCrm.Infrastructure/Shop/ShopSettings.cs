using Microsoft.Extensions.Configuration;
using OrleansCrm.Domain.Shop;

namespace OrleansCrm.Infrastructure.Shop;

/// <summary>
/// The web shop as the CRM knows it: its stores (<c>Shop:Stores:N:Code</c>, <c>…:IncrementIdPattern</c>,
/// <c>…:OrderUrlTemplate</c>; one store <c>default</c> when none is configured) and when the nightly validation runs
/// (<c>Shop:Validation:Cron</c>, <c>Shop:Validation:TimeZone</c>). A bad value stops startup naming its key.
/// </summary>
public static class ShopSettings
{
    public const string StoresKey = "Shop:Stores";
    public const string CronKey = "Shop:Validation:Cron";
    public const string TimeZoneKey = "Shop:Validation:TimeZone";

    public static ShopStores ReadStores(IConfiguration configuration)
    {
        var sections = configuration.GetSection(StoresKey).GetChildren().ToList();
        if (sections.Count == 0)
        {
            return ShopStores.Default;
        }

        var stores = new List<ShopStore>();
        foreach (var section in sections)
        {
            var code = section["Code"];
            if (string.IsNullOrWhiteSpace(code))
            {
                throw new InvalidOperationException($"Configuration '{section.Path}:Code' is required.");
            }

            var pattern = section["IncrementIdPattern"] ?? ShopStores.DefaultIncrementIdPattern;
            var template = section["OrderUrlTemplate"] ?? ShopStores.Default.DefaultStore.OrderUrlTemplate;
            try
            {
                stores.Add(new ShopStore(code, pattern, template));
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                throw new InvalidOperationException($"Configuration '{section.Path}:IncrementIdPattern' is not a regular expression the CRM takes (no backreferences or lookarounds): {ex.Message}", ex);
            }
        }

        return new ShopStores(stores);
    }

    public static NightlySchedule ReadSchedule(IConfiguration configuration)
    {
        var cron = configuration[CronKey] ?? NightlySchedule.DefaultCron;
        var zone = configuration[TimeZoneKey] ?? NightlySchedule.DefaultTimeZone;
        try
        {
            return new NightlySchedule(cron, zone);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"Configuration '{CronKey}' / '{TimeZoneKey}': {ex.Message}", ex);
        }
    }
}
