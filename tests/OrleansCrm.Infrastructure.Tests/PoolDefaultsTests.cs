using Npgsql;
using OrleansCrm.Infrastructure.Hosting;

namespace OrleansCrm.Infrastructure.Tests;

public sealed class PoolDefaultsTests
{
    [Fact]
    public void A_connection_string_without_pool_settings_gets_no_reset_on_close_auto_prepare_and_a_pool_bound_below_postgres_max_connections()
    {
        var result = new NpgsqlConnectionStringBuilder(CrmSettings.WithPoolDefaults("Host=db;Username=crm;Password=crm;Database=crm"));

        Assert.True(result.NoResetOnClose);
        Assert.Equal(20, result.MaxAutoPrepare);
        Assert.Equal(2, result.AutoPrepareMinUsages);

        // Two pools per process (Orleans' providers, the read model's data source) stay below PostgreSQL's default of 100.
        Assert.Equal(CrmSettings.DefaultMaxPoolSize, result.MaxPoolSize);
        Assert.True(2 * result.MaxPoolSize < 100);
        Assert.Equal("db", result.Host);
        Assert.Equal("crm", result.Database);
    }

    [Fact]
    public void Pool_settings_the_connection_string_gives_are_kept_as_given()
    {
        var result = new NpgsqlConnectionStringBuilder(CrmSettings.WithPoolDefaults("Host=db;No Reset On Close=false;Max Auto Prepare=0;AutoPrepareMinUsages=7;MaxPoolSize=64"));

        Assert.Equal(64, result.MaxPoolSize);
        Assert.False(result.NoResetOnClose);
        Assert.Equal(0, result.MaxAutoPrepare);
        Assert.Equal(7, result.AutoPrepareMinUsages);
    }

    [Theory]
    [InlineData("Maximum Pool Size=50")]
    [InlineData("No Reset On Close=true;Max Auto Prepare=20;Auto Prepare Min Usages=2")]
    public void The_pool_settings_the_README_names_are_spelled_as_Npgsql_reads_them(string settings)
    {
        var given = new NpgsqlConnectionStringBuilder("Host=db;" + settings);

        var result = new NpgsqlConnectionStringBuilder(CrmSettings.WithPoolDefaults(given.ConnectionString));

        Assert.Equal(settings.Contains("Pool Size", StringComparison.Ordinal) ? given.MaxPoolSize : CrmSettings.DefaultMaxPoolSize, result.MaxPoolSize);
        Assert.True(result.NoResetOnClose);
        Assert.Equal(given.MaxAutoPrepare == 0 ? 20 : given.MaxAutoPrepare, result.MaxAutoPrepare);
    }

    [Fact]
    public void Max_Pool_Size_is_not_a_keyword_Npgsql_knows_so_the_README_never_says_it()
    {
        Assert.Throws<ArgumentException>(() => new NpgsqlConnectionStringBuilder("Host=db;Max Pool Size=50"));
    }
}
