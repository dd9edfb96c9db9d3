using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The api on the simulated clock started at a chosen instant (<c>Clock:SimulatedStart</c>), in memory or on the
/// given PostgreSQL database, optionally with the shop sync replaced (to hold a run at a known point) and extra settings.
/// </summary>
public sealed class ShopJobApiFactory(string? connectionString, DateTimeOffset start, IShopOrderSync? sync = null, IReadOnlyDictionary<string, string?>? extra = null) : CrmApiFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["ConnectionStrings:Crm"] = connectionString,
                ["Clock:Simulated"] = "true",
                ["Clock:SimulatedStart"] = start.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
                ["Email:PickupFolder"] = Path.Combine(Path.GetTempPath(), "orleanscrm-shop-job-tests-mail"),
                ["Crm:PublicBaseUrl"] = "https://crm.example.test",
            };
            foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    protected override bool FakeTime => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (sync is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(sync));
        }
    }
}
