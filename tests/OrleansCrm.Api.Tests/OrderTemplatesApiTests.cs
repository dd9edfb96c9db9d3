using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>The order triggers in memory.</summary>
public sealed class OrderTemplatesApiTests(OrderTemplatesApiFixture fixture) : OrderTemplatesApiContract, IClassFixture<OrderTemplatesApiFixture>
{
    protected override WorkflowApiFactory Api => fixture.Api;
}
