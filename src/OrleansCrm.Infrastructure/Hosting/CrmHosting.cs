using OrleansCrm.Infrastructure.Shop;
using OrleansCrm.Contracts.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;
using OrleansCrm.Contracts;
using OrleansCrm.Grains;
using OrleansCrm.Grains.Orders;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Infrastructure.Calls;
using OrleansCrm.Infrastructure.Messaging;
using OrleansCrm.Infrastructure.Payments;
using OrleansCrm.Infrastructure.ReadModel;
using OrleansCrm.Infrastructure.ReadModel.Messages;
using OrleansCrm.Infrastructure.Messaging.Sms;
using OrleansCrm.Infrastructure.Serialization;
using OrleansCrm.Infrastructure.Telemetry;

namespace OrleansCrm.Infrastructure.Hosting;

/// <summary>How both hosts compose: the same silo, client and service configuration for the api and the silo processes.</summary>
public static partial class CrmHosting
{
    /// <summary>The ADO.NET providers' name for PostgreSQL.</summary>
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>Runs a silo in this process (the api by default, the silo host always).</summary>
    public static IHostApplicationBuilder AddCrmSilo(this IHostApplicationBuilder builder, CrmSettings settings, Action<ISiloBuilder>? configure = null)
    {
        builder.Services.AddCardSafeLogging();
        builder.Services.AddCrmServices(settings, builder.Configuration);
        builder.Services.AddCrmTelemetry(builder.Configuration, "orleans-crm");
        builder.UseOrleans(silo =>
        {
            silo.ConfigureCrmSilo(settings);
            if (TelemetryRegistration.TracingEnabled(builder.Configuration))
            {
                silo.AddActivityPropagation();
            }

            configure?.Invoke(silo);
        });
        return builder;
    }

    /// <summary>Joins a PostgreSQL-backed cluster as a client (an api scaled apart from the silos).</summary>
    public static IHostApplicationBuilder AddCrmClient(this IHostApplicationBuilder builder, CrmSettings settings)
    {
        builder.Services.AddCardSafeLogging();
        builder.Services.AddCrmServices(settings, builder.Configuration);
        builder.Services.AddCrmTelemetry(builder.Configuration, "orleans-crm-api");
        builder.UseOrleansClient(client =>
        {
            if (TelemetryRegistration.TracingEnabled(builder.Configuration))
            {
                client.AddActivityPropagation();
            }

            client.Services.AddCrmSerializer();
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ServiceId));

            // A client is never told that a silo died: its calls in flight to one end only at the response timeout.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = settings.ResponseTimeout);
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (AdoNetInvariant, settings.ConnectionString));
        });
        return builder;
    }

    public static ISiloBuilder ConfigureCrmSilo(this ISiloBuilder silo, CrmSettings settings)
    {
        silo.Services.AddCrmSerializer();
        silo.Services.AddCrmGrainStorageSerializer();
        silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = settings.RetryPeriod < o.MinimumReminderPeriod ? settings.RetryPeriod : o.MinimumReminderPeriod);

        // A silo that is gone is noticed in seconds: once it is declared dead, the calls in flight to it fail at once
        // (503 with Retry-After at the api) instead of waiting out the response timeout. Reasons with each setting in CrmSettings.
        silo.Configure<ClusterMembershipOptions>(o => (o.ProbeTimeout, o.NumMissedProbesLimit) = (settings.ProbeTimeout, settings.MissedProbesLimit));
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = settings.ResponseTimeout);

        if (settings.UsesPostgres)
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ServiceId));
            if (settings.Kubernetes)
            {
                // The pod's name, IP and the cluster's ids come from the pod (POD_NAME, POD_IP, ORLEANS_CLUSTER_ID,
                // ORLEANS_SERVICE_ID); silos whose pods are gone are marked dead through the Kubernetes API.
                silo.Configure<EndpointOptions>(o => (o.SiloPort, o.GatewayPort) = (settings.SiloPort, settings.GatewayPort));
                silo.UseKubernetesHosting();
            }
            else
            {
                silo.ConfigureEndpoints(settings.AdvertisedIp, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: settings.ListenOnAnyAddress);
            }

            silo.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (AdoNetInvariant, settings.ConnectionString));
            silo.AddAdoNetGrainStorage(StorageNames.Crm, o => (o.Invariant, o.ConnectionString) = (AdoNetInvariant, settings.ConnectionString));
            silo.UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (AdoNetInvariant, settings.ConnectionString));
        }
        else
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
            silo.AddMemoryGrainStorage(StorageNames.Crm);
            silo.UseInMemoryReminderService();
        }

        silo.AddShopJobs();
        return silo;
    }

    /// <summary>The clock, the scheduling pattern, the read model, payments and email, as the profile asks.</summary>
    public static IServiceCollection AddCrmServices(this IServiceCollection services, CrmSettings settings, IConfiguration? configuration = null)
    {
        configuration ??= new ConfigurationBuilder().Build();
        services.TryAddSingleton(settings);
        services.Configure<PublicLinkOptions>(o => o.BaseUrl = settings.PublicBaseUrl.AbsoluteUri);
        services.Configure<DueWorkOptions>(o => (o.RetryPeriod, o.MaxDueTime) = (settings.RetryPeriod, settings.MaxDueTime));

        if (settings.SimulatedClock)
        {
            services.TryAddSingleton(_ => new SimulatedTime(settings.SimulatedStart ?? TimeProvider.System.GetUtcNow()));
            services.TryAddSingleton(sp => new CrmClock(sp.GetRequiredService<SimulatedTime>()));
            services.TryAddSingleton<SimulatedDueWork>();
            services.TryAddSingleton<IDueWorkScheduler>(sp => sp.GetRequiredService<SimulatedDueWork>());
            services.TryAddSingleton<TestClock>();
        }
        else
        {
            services.TryAddSingleton(_ => new CrmClock(TimeProvider.System));
            services.TryAddSingleton<IDueWorkScheduler, ReminderDueWorkScheduler>();
        }

        if (settings.UsesPostgres)
        {
            services.TryAddSingleton(_ => NpgsqlDataSource.Create(settings.ConnectionString!));
            services.TryAddSingleton<ICustomerDirectory, PostgresCustomerDirectory>();
            services.TryAddSingleton<IOrderDirectory, PostgresOrderDirectory>();
            services.TryAddSingleton<IMessageLog, PostgresMessageLog>();
        }
        else
        {
            services.TryAddSingleton<ICustomerDirectory, InMemoryCustomerDirectory>();
            services.TryAddSingleton<IOrderDirectory, InMemoryOrderDirectory>();
        }

        services.Configure<CallOptions>(configuration.GetSection(CallOptions.Section));
        services.AddCrmCallStores(settings.UsesPostgres);
        services.AddCrmPayments(settings.UsesPostgres);
        services.AddCrmEmail(configuration);
        services.AddCrmSms(configuration);
        services.AddCrmShop(settings.UsesPostgres, configuration);
        services.AddCrmShutdown(configuration);
        return services;
    }

    /// <summary>
    /// Graceful shutdown: readiness turns false first and the process waits the drain delay (a real-time wait, even
    /// under the simulated business clock), then the host stops within <c>Shutdown:Timeout</c> (default 30 s).
    /// </summary>
    private static void AddCrmShutdown(this IServiceCollection services, IConfiguration configuration)
    {
        var drain = new ShutdownDrain(SettingValues.Duration(configuration, ShutdownDrain.DelayKey, TimeSpan.Zero), TimeProvider.System);
        var timeout = SettingValues.Duration(configuration, ShutdownDrain.TimeoutKey, TimeSpan.FromSeconds(30));
        services.TryAddSingleton(drain);
        services.AddHostedService(sp => sp.GetRequiredService<ShutdownDrain>());
        services.Configure<HostOptions>(o => o.ShutdownTimeout = timeout);
        services.TryAddSingleton<Readiness>();
    }

    /// <summary>
    /// Everything that crosses a grain call or is stored is serialized and copied by Orleans' generated code: the
    /// state classes and the versioned surrogates of the domain's values (Contracts/Wire). The JSON codec stays only
    /// to read rows that builds before the surrogates wrote (<see cref="LegacyStateReading.AddLegacyStateReading"/>):
    /// it writes and copies nothing.
    /// </summary>
    public static IServiceCollection AddCrmSerializer(this IServiceCollection services) =>
        services.AddSerializer(serializer => serializer.AddLegacyStateReading());

    /// <summary>
    /// Grain state is stored with Orleans' own serializer, the format the state classes' <c>[Id]</c>s version.
    /// (The default JSON one leaves out default values, so a <c>false</c> flag whose initializer says
    /// <c>true</c> would come back <c>true</c>.)
    /// </summary>
    public static IServiceCollection AddCrmGrainStorageSerializer(this IServiceCollection services) =>
        services.AddSingleton<IGrainStorageSerializer>(sp => new OrleansGrainStorageSerializer(sp.GetRequiredService<Serializer>()));

    /// <summary>Says where state lives, so nobody mistakes the embedded profile for a durable one.</summary>
    public static void LogStorageProfile(ILogger logger, CrmSettings settings)
    {
        if (settings.UsesPostgres)
        {
            LogPostgres(logger, settings.ClusterId, settings.CoHostSilo ? "co-hosted silo" : "cluster client");
        }
        else
        {
            LogInMemory(logger);
        }

        if (settings.SimulatedClock)
        {
            LogSimulatedClock(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded profile: grain state, reminders and the read model are IN MEMORY and are lost when this process stops (set ConnectionStrings:Crm for PostgreSQL)")]
    private static partial void LogInMemory(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL profile: clustering, grain state, reminders and the read model in PostgreSQL; cluster '{ClusterId}', {Role}")]
    private static partial void LogPostgres(ILogger logger, string clusterId, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated clock: business time stands still until POST /api/v1/test-clock/advance moves it")]
    private static partial void LogSimulatedClock(ILogger logger);
}
