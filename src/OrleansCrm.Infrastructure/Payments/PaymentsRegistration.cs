using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Infrastructure.Payments;

public static class PaymentsRegistration
{
    /// <summary>
    /// The payment gateway (the sandbox provider) and its ledger where the rest of the data lives:
    /// PostgreSQL (through the registered <c>NpgsqlDataSource</c>) or this process's memory.
    /// </summary>
    public static IServiceCollection AddCrmPayments(this IServiceCollection services, bool usesPostgres)
    {
        if (usesPostgres)
        {
            services.TryAddSingleton<ISandboxLedger, PostgresSandboxLedger>();
        }
        else
        {
            services.TryAddSingleton<ISandboxLedger, InMemorySandboxLedger>();
        }

        services.TryAddSingleton<IPaymentGateway, SandboxPaymentGateway>();
        return services;
    }
}
