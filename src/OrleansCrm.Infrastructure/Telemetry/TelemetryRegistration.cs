using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Grains.Telemetry;

namespace OrleansCrm.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry for both hosts. Metrics always: ASP.NET Core's (added by the api), Orleans' (meter <c>Orleans</c>),
/// the runtime's, outgoing HTTP (the SMS gateway) and the business meters (<see cref="CrmMetrics"/>); the api serves
/// them as Prometheus text at <c>/metrics</c>. Traces when <c>Telemetry:Tracing</c> is true or an OTLP endpoint is
/// set: the request, the grain calls (Orleans' activity propagation) and the PostgreSQL commands (Npgsql). OTLP export
/// of both when <c>Telemetry:OtlpEndpoint</c> is set.
/// </summary>
public static class TelemetryRegistration
{
    public const string OtlpEndpointKey = "Telemetry:OtlpEndpoint";
    public const string TracingKey = "Telemetry:Tracing";
    public const string ServiceNameKey = "Telemetry:ServiceName";

    /// <summary>Orleans' activity sources; a trace also holds ASP.NET Core's, Npgsql's and outgoing HTTP's.</summary>
    public static readonly string[] TraceSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static bool TracingEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]) || string.Equals(configuration[TracingKey], "true", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddCrmTelemetry(this IServiceCollection services, IConfiguration configuration, string defaultServiceName)
    {
        var otlp = OtlpEndpoint(configuration);
        var serviceName = string.IsNullOrWhiteSpace(configuration[ServiceNameKey]) ? defaultServiceName : configuration[ServiceNameKey]!.Trim();
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName))
            .WithMetrics(m =>
            {
                m.AddMeter(CrmMetrics.MeterName, "Microsoft.Orleans", "Orleans").AddRuntimeInstrumentation().AddHttpClientInstrumentation();
                if (otlp is not null)
                {
                    m.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });

        if (TracingEnabled(configuration))
        {
            telemetry.WithTracing(t =>
            {
                t.AddSource(TraceSources).AddNpgsql().AddHttpClientInstrumentation();
                if (otlp is not null)
                {
                    t.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
        }

        services.AddSingleton<IIncomingGrainCallFilter, ReminderTickMetrics>();
        MeterPayments(services);
        return services;
    }

    /// <summary>Wraps the registered payment gateway (the sandbox, or a test's) so every call to the provider is counted.</summary>
    private static void MeterPayments(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IPaymentGateway));
        if (registered is null)
        {
            return;
        }

        services.Remove(registered);
        services.AddSingleton<IPaymentGateway>(sp => new MeteredPaymentGateway(registered switch
        {
            { ImplementationInstance: IPaymentGateway instance } => instance,
            { ImplementationFactory: { } factory } => (IPaymentGateway)factory(sp),
            { ImplementationType: { } type } => (IPaymentGateway)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException("The payment gateway registration has no implementation."),
        }));
    }

    private static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        var value = configuration[OtlpEndpointKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new InvalidOperationException($"Configuration '{OtlpEndpointKey}' must be an absolute http(s) address of an OTLP collector, e.g. http://otel-collector:4317; it is '{value}'.");
    }
}
