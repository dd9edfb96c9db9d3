using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Contracts.Shop;
using OrleansCrm.Grains.Shop;

namespace OrleansCrm.Infrastructure.Shop;

public static class ShopRegistration
{
    /// <summary>The shop's stores and schedule from settings, and the shop orders and links where the rest of the data lives.</summary>
    public static IServiceCollection AddCrmShop(this IServiceCollection services, bool usesPostgres, IConfiguration configuration)
    {
        services.TryAddSingleton(ShopSettings.ReadStores(configuration));
        services.TryAddSingleton(ShopSettings.ReadSchedule(configuration));
        services.Configure<LinkedOrderValidationOptions>(configuration.GetSection(LinkedOrderValidationOptions.Section));
        var magento = MagentoSettings.Read(configuration);
        services.TryAddSingleton(magento);
        if (magento.BaseUrl is { } baseUrl)
        {
            services.AddHttpClient<MagentoOrderSync>(client => (client.BaseAddress, client.Timeout) = (baseUrl, TimeSpan.FromSeconds(60)));
            services.TryAddTransient<IShopOrderSync>(sp => sp.GetRequiredService<MagentoOrderSync>());
        }

        services.TryAddSingleton<IShopOrderSync, PushOnlyShopSync>();
        if (usesPostgres)
        {
            services.TryAddSingleton<IShopOrderStore, PostgresShopOrderStore>();
            services.TryAddSingleton<ILinkedOrderIndex, PostgresLinkedOrderIndex>();
        }
        else
        {
            services.TryAddSingleton<IShopOrderStore, InMemoryShopOrderStore>();
            services.TryAddSingleton<ILinkedOrderIndex, InMemoryLinkedOrderIndex>();
        }

        return services;
    }

    /// <summary>The nightly validation is armed when a silo starts (any silo; the job is one grain, so arming twice is arming once).</summary>
    public static ISiloBuilder AddShopJobs(this ISiloBuilder silo) =>
        silo.AddStartupTask((services, _) =>
        {
            services.GetRequiredService<IGrainFactory>().GetGrain<ILinkedOrderValidationJobGrain>(ShopJobs.LinkedOrderValidation).EnsureScheduledAsync().Ignore();
            return Task.CompletedTask;
        });
}
