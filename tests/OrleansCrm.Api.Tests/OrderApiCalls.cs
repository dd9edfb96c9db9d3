using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>Calls and readings the order and upsell API tests share.</summary>
internal static class OrderApiCalls
{
    public static async Task<string> NumberOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;

    public static List<string> Numbers(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("number").GetString()!).ToList();

    public static List<string> Sorted(params string[] numbers) => [.. numbers.Order(StringComparer.Ordinal)];

    /// <summary>The problem body without its trace id, whose hex digits could hold any short number by chance.</summary>
    public static string WithoutTraceId(string raw)
    {
        var node = JsonNode.Parse(raw)!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }

    /// <summary>Places an order that must be created, and returns its number.</summary>
    public static async Task<string> PlaceAsync(OrderDriver driver, object body)
    {
        var response = await driver.PlaceAsync(body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"placing answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await NumberOf(response);
    }

    public static async Task<string> CreateCustomerAsync(HttpClient client, string name, string? email = null, string? phone = null, string? personalManager = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/customers", new
        {
            name,
            email = email ?? $"{TestValues.Letters(16)}@example.it",
            phone = phone ?? "+390612345678",
            timeZone = "Europe/Rome",
            personalManager,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static async Task<List<string>> CustomerOrderNumbersAsync(HttpClient client, string customerId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/orders")).EnumerateArray().Select(o => o.GetProperty("number").GetString()!).ToList();

    public static async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/orders?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"search '{query}' answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
