using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>Message templates on the in-memory profile.</summary>
[Collection(ApiCollection.Name)]
public sealed class TemplatesApiTests(CrmApiFactory factory) : TemplatesApiContract
{
    protected override HttpClient Admin() => factory.Admin();

    protected override HttpClient Agent() => factory.Agent();
}
