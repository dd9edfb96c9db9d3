using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>One in-memory api on the simulated clock with a local SMTP server, shared by the order-template tests (each uses its own campaign and customer).</summary>
public sealed class OrderTemplatesApiFixture : IAsyncDisposable
{
    public WorkflowApiFactory Api { get; } = new();

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
