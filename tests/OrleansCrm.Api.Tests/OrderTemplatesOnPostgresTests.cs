using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>The order triggers on PostgreSQL (grain state, reminders and the message log in the database).</summary>
public sealed class OrderTemplatesOnPostgresTests(TemplatesOnPostgresFixture fixture) : OrderTemplatesApiContract, IClassFixture<TemplatesOnPostgresFixture>
{
    protected override WorkflowApiFactory Api => fixture.Api;
}
