using Npgsql;
using OrleansCrm.Infrastructure.Hosting;

namespace OrleansCrm.Infrastructure.Tests;

public sealed class PoolDefaultsTests
{
    [Fact]
    public void A_connection_string_without_pool_settings_gets_no_reset_on_close_and_auto_prepare()
    {
        var result = new NpgsqlConnectionStringBuilder(CrmSettings.WithPoolDefaults("Host=db;Username=crm;Password=crm;Database=crm"));

        Assert.True(result.NoResetOnClose);
        Assert.Equal(20, result.MaxAutoPrepare);
        Assert.Equal(2, result.AutoPrepareMinUsages);
        Assert.Equal("db", result.Host);
        Assert.Equal("crm", result.Database);
    }

    [Fact]
    public void Pool_settings_the_connection_string_gives_are_kept_as_given()
    {
        var result = new NpgsqlConnectionStringBuilder(CrmSettings.WithPoolDefaults("Host=db;No Reset On Close=false;Max Auto Prepare=0;AutoPrepareMinUsages=7"));

        Assert.False(result.NoResetOnClose);
        Assert.Equal(0, result.MaxAutoPrepare);
        Assert.Equal(7, result.AutoPrepareMinUsages);
    }
}
