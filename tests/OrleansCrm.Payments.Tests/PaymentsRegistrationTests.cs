using OrleansCrm.Contracts.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Grains.Scheduling;
using OrleansCrm.Infrastructure.Payments;
using OrleansCrm.Testing;

namespace OrleansCrm.Payments.Tests;

public sealed class PaymentsRegistrationTests
{
    private static ServiceProvider Build(bool usesPostgres, Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new CrmClock(new FakeTimeProvider()));
        services.AddSingleton(_ => NpgsqlDataSource.Create(TestDatabase.Server));
        before?.Invoke(services);
        services.AddCrmPayments(usesPostgres);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task The_embedded_profile_gets_the_sandbox_gateway_on_the_in_memory_ledger()
    {
        await using var provider = Build(usesPostgres: false);

        Assert.IsType<SandboxPaymentGateway>(provider.GetRequiredService<IPaymentGateway>());
        Assert.IsType<InMemorySandboxLedger>(provider.GetRequiredService<ISandboxLedger>());
        Assert.Same(provider.GetRequiredService<IPaymentGateway>(), provider.GetRequiredService<IPaymentGateway>());
    }

    [Fact]
    public async Task The_PostgreSQL_profile_keeps_the_sandbox_ledger_in_PostgreSQL()
    {
        await using var provider = Build(usesPostgres: true);

        Assert.IsType<SandboxPaymentGateway>(provider.GetRequiredService<IPaymentGateway>());
        Assert.IsType<PostgresSandboxLedger>(provider.GetRequiredService<ISandboxLedger>());
    }

    [Fact]
    public async Task A_ledger_registered_beforehand_is_kept()
    {
        var mine = new InMemorySandboxLedger();
        await using var provider = Build(usesPostgres: true, services => services.AddSingleton<ISandboxLedger>(mine));

        Assert.Same(mine, provider.GetRequiredService<ISandboxLedger>());
    }
}
