using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using OrleansCrm.Contracts.Messaging;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Grains.Messaging;
using Polly;

namespace OrleansCrm.Infrastructure.Messaging.Sms;

public static class SmsRegistration
{
    /// <summary>
    /// The SMS outbox and its transport: the HTTP gateway when <c>Sms:BaseUrl</c> is set (timeouts and retries by
    /// Microsoft.Extensions.Http.Resilience), otherwise the pickup folder. A transport registered before this call is kept.
    /// </summary>
    public static IServiceCollection AddCrmSms(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = SmsSettings.Read(configuration);
        services.TryAddSingleton(settings);
        services.Configure<SmsRules>(r => (r.DefaultQuietHours, r.FrequencyCap) = (settings.QuietHours, settings.FrequencyCap));
        if (settings.BaseUrl is { } baseUrl)
        {
            services.AddHttpClient<SmsGatewayTransport>(client =>
                {
                    client.BaseAddress = baseUrl;
                    client.Timeout = Timeout.InfiniteTimeSpan;
                })
                .AddResilienceHandler("sms-gateway", pipeline =>
                {
                    pipeline.AddTimeout(settings.TotalTimeout);
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = Math.Max(settings.Retries, 1),
                        ShouldHandle = settings.Retries == 0 ? _ => PredicateResult.False() : new HttpRetryStrategyOptions().ShouldHandle,
                        Delay = settings.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    });
                    pipeline.AddTimeout(settings.RequestTimeout);
                });
            services.TryAddTransient<ISmsTransport>(sp => sp.GetRequiredService<SmsGatewayTransport>());
        }
        else
        {
            services.TryAddSingleton<ISmsTransport, PickupFolderSmsTransport>();
        }

        services.TryAddSingleton<ISmsOutbox, SmsOutbox>();
        return services;
    }
}
