using System.Net.Http.Json;
using System.Text.Json;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>Message templates on the in-memory profile.</summary>
[Collection(ApiCollection.Name)]
public sealed class TemplatesApiTests(CrmApiFactory factory) : TemplatesApiContract
{
    protected override HttpClient Admin() => factory.Admin();

    protected override HttpClient Agent() => factory.Agent();

    [Fact]
    public async Task The_openapi_document_shows_the_template_routes_and_the_trigger_catalog_schema()
    {
        var document = await factory.ClientWithKey(null).GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/campaigns/{campaignId}/templates/{templateId}", out var template));
        Assert.True(template.TryGetProperty("put", out _) && template.TryGetProperty("get", out _) && template.TryGetProperty("delete", out _));
        Assert.True(paths.TryGetProperty("/api/v1/campaigns/{campaignId}/templates", out _));
        Assert.True(paths.TryGetProperty("/api/v1/campaigns/{campaignId}/templates/{templateId}/preview", out _));
        Assert.True(paths.TryGetProperty("/api/v1/message-triggers", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("MessageTriggerCatalog", out _));
        Assert.True(schemas.TryGetProperty("TemplateVariable", out _));
    }
}
