using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;
using OrleansCrm.Api.Apis;
using OrleansCrm.Api.Apis.Shop;
using OrleansCrm.Api.Auth;
using OrleansCrm.Api.Edge;
using OrleansCrm.Api.Problems;
using OrleansCrm.Api.Wallboard;
using OrleansCrm.Infrastructure.Hosting;
using OrleansCrm.Infrastructure.Telemetry;
using Orleans.Dashboard;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OrleansCrm.Api;

/// <summary>How the api host is composed: Orleans (co-hosted silo or client), auth, problems, JSON, OpenAPI, routes.</summary>
public static class CrmApiExtensions
{
    /// <summary>Prometheus text of every meter (admin).</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The Orleans Dashboard (admin), when <c>Dashboard:Enabled</c> is true on an api that co-hosts its silo.</summary>
    public const string DashboardPath = "/dashboard";

    public const string DashboardEnabledKey = "Dashboard:Enabled";

    private static bool DashboardEnabled(IConfiguration configuration) => string.Equals(configuration[DashboardEnabledKey], "true", StringComparison.OrdinalIgnoreCase);

    public static WebApplicationBuilder AddCrmApi(this WebApplicationBuilder builder)
    {
        var settings = CrmSettings.From(builder.Configuration, builder.Environment);
        if (settings.CoHostSilo)
        {
            builder.AddCrmSilo(settings, silo =>
            {
                if (DashboardEnabled(builder.Configuration))
                {
                    silo.AddDashboard();
                }
            });
        }
        else
        {
            builder.AddCrmClient(settings);
        }

        builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddAspNetCoreInstrumentation().AddPrometheusExporter());
        if (TelemetryRegistration.TracingEnabled(builder.Configuration))
        {
            builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddAspNetCoreInstrumentation());
        }

        builder.AddServerRejectionProblems();
        builder.AddCrmEdge();
        var services = builder.Services;
        services.AddSingleton(ApiKeyStore.From(builder.Configuration, builder.Environment));
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AnyRole, p => p.RequireRole(Roles.All))
            .AddPolicy(Roles.SupervisorOrAdmin, p => p.RequireRole(Roles.Supervisor, Roles.Admin))
            .AddPolicy(Roles.AdminOnly, p => p.RequireRole(Roles.Admin))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddCrmWallboard(builder.Configuration);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = StatusProblems.Customize);
        services.AddExceptionHandler<CrmExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));

        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo { Title = "OrleansCrm API", Version = "v1", Description = "Call-center CRM: orders, trials, calls, dialer. Every route but health and the trial-extension link needs X-Api-Key." });
            o.AddSecurityDefinition(ApiKeyAuthentication.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyStore.Header,
                Description = "An API key bound to a user and a role (agent, supervisor, admin).",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyAuthentication.SchemeName, document)] = [],
            });
            o.SupportNonNullableReferenceTypes();
            o.MapType<QueryInstant>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = Domain.Common.Instants.Rule });
        });

        return builder;
    }

    public static WebApplication UseCrmApi(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<CrmSettings>();
        CrmHosting.LogStorageProfile(app.Logger, settings);

        app.UseCrmResponseHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        if (app.Environment.IsDevelopment())
        {
            app.UseSwagger();
            app.UseSwaggerUI(o => o.SwaggerEndpoint("/swagger/v1/swagger.json", "OrleansCrm API v1"));
        }

        app.UseAuthentication();
        app.UseCrmEdge();
        app.UseAuthorization();
        app.Use(Parameters.GuardAsync);

        app.MapHealthApi();
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Roles.AdminOnly);
        if (settings.CoHostSilo && DashboardEnabled(app.Configuration))
        {
            app.MapOrleansDashboard(routePrefix: DashboardPath).RequireAuthorization(Roles.AdminOnly);
        }

        app.MapOffersApi();
        app.MapCampaignsApi();
        app.MapTemplatesApi();
        app.MapCustomersApi();
        app.MapOrdersApi();
        app.MapUpsellsApi();
        app.MapDialerApi();
        app.MapCallsApi();
        app.MapAgendaApi();
        app.MapReportsApi();
        app.MapOpsApi();
        app.MapMessagesApi();
        app.MapCustomerSmsApi();
        app.MapSmsWebhooksApi();
        app.MapShopApi();
        app.MapJobsApi();
        app.MapLinkedSalesApi();
        app.MapWallboardApi();
        if (settings.SimulatedClock)
        {
            app.MapTestClockApi();
        }

        return app;
    }

    /// <summary>camelCase, enums as their names, numbers only as numbers, and the edge's checks (<see cref="JsonInput"/>): a wrong value is an error, not a guess.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        JsonInput.Configure(options);
    }
}
