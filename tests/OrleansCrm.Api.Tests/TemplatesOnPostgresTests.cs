namespace OrleansCrm.Api.Tests;

/// <summary>Message templates on the PostgreSQL profile: the same contract, stored in the database.</summary>
public sealed class TemplatesOnPostgresTests(TemplatesOnPostgresFixture fixture) : TemplatesApiContract, IClassFixture<TemplatesOnPostgresFixture>
{
    protected override HttpClient Admin() => fixture.Api.Admin();

    protected override HttpClient Agent() => fixture.Api.Agent();
}
