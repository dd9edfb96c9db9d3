using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Grains.Messaging;
using OrleansCrm.Contracts.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OrleansCrm.Infrastructure.ReadModel.Messages;

namespace OrleansCrm.Infrastructure.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// The email outbox and its transport: SMTP when <c>Smtp:Host</c> is set, otherwise the pickup
    /// folder. Settings are read now, so a bad value stops startup naming its key. A transport
    /// registered before this call is kept.
    /// </summary>
    public static IServiceCollection AddCrmEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = EmailSettings.Read(configuration);
        services.TryAddSingleton(settings);
        if (settings.Smtp is { } smtp)
        {
            services.TryAddSingleton<IEmailTransport>(sp => new SmtpEmailTransport(
                smtp,
                sp.GetRequiredService<EmailSettings>(),
                BusinessTime(sp),
                sp.GetRequiredService<ILogger<SmtpEmailTransport>>()));
        }
        else
        {
            services.TryAddSingleton<IEmailTransport>(sp => new PickupFolderEmailTransport(
                sp.GetRequiredService<EmailSettings>(),
                BusinessTime(sp),
                sp.GetRequiredService<ILogger<PickupFolderEmailTransport>>()));
        }

        services.TryAddSingleton<IEmailOutbox, EmailOutbox>();

        // The outbox writes every message to the log; the PostgreSQL profile registers its store before this.
        services.TryAddSingleton<IMessageLog, InMemoryMessageLog>();
        return services;
    }

    /// <summary>The Date header follows the business clock, like every other instant the CRM records.</summary>
    private static TimeProvider BusinessTime(IServiceProvider services) =>
        services.GetService<CrmClock>() ?? TimeProvider.System;
}
