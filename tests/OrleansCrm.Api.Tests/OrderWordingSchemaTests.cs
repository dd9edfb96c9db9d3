using System.Net.Http.Json;
using System.Text.Json;

using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>The rows and notes the api renders from wordings keep the schema names and fields they always had.</summary>
[Collection(ApiCollection.Name)]
public sealed class OrderWordingSchemaTests(CrmApiFactory factory)
{
    [Fact]
    public async Task The_workflow_row_and_the_order_note_keep_their_schema_names_fields_and_read_only_actions()
    {
        var document = await factory.ClientWithKey(null).GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var row = schemas.GetProperty("WorkflowEvent").GetProperty("properties");
        Assert.Equal(
            ["id", "kind", "type", "description", "status", "scheduledAt", "executedAt", "result", "amount", "transactionId", "recipient", "messageId", "declineReason", "link", "attempts", "recheckAt", "after", "resendOf", "actions"],
            row.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["actions"], row.EnumerateObject().Where(p => p.Value.TryGetProperty("readOnly", out var r) && r.GetBoolean()).Select(p => p.Name));
        Assert.Equal("string", row.GetProperty("result").GetProperty("type").GetString());
        Assert.True(row.GetProperty("result").GetProperty("nullable").GetBoolean());

        var note = schemas.GetProperty("OrderNote").GetProperty("properties");
        Assert.Equal(["id", "text", "author", "system", "createdAt"], note.EnumerateObject().Select(p => p.Name));
    }
}
