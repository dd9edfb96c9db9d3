using System.Net;
using System.Net.Http.Json;

using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AuthorizationTests(CrmApiFactory factory)
{
    public enum Access
    {
        AnyRole,
        AdminOnly,
    }

    public static TheoryData<string, string, Access> Routes() => new()
    {
        { "PUT", "/api/v1/offers/{offer}", Access.AdminOnly },
        { "GET", "/api/v1/offers/{offer}", Access.AdminOnly },
        { "PUT", "/api/v1/campaigns/{campaign}", Access.AdminOnly },
        { "GET", "/api/v1/campaigns/{campaign}", Access.AdminOnly },
        { "GET", "/api/v1/campaigns/{campaign}/outcomes", Access.AnyRole },
        { "POST", "/api/v1/customers", Access.AnyRole },
        { "GET", "/api/v1/customers?q=rossi", Access.AnyRole },
        { "GET", "/api/v1/customers/{customer}", Access.AnyRole },
        { "POST", "/api/v1/customers/{customer}/notes", Access.AnyRole },
        { "DELETE", "/api/v1/customers/{customer}/notes/{note}", Access.AnyRole },
        { "PUT", "/api/v1/customers/{customer}/auto-payments", Access.AdminOnly },
        { "GET", "/api/v1/customers/{customer}/orders", Access.AnyRole },
        { "GET", "/api/v1/customers/{customer}/calls", Access.AnyRole },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_a_key_or_with_an_unknown_key_every_route_answers_401(string method, string route, Access access)
    {
        _ = access;
        var path = await ResolveAsync(route);

        await (await factory.ClientWithKey(null).SendAsync(Request(method, path))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await factory.ClientWithKey("not-a-key-of-this-crm-at-all").SendAsync(Request(method, path))).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_role_reaches_exactly_the_routes_it_may(string method, string route, Access access)
    {
        foreach (var (key, role) in new[] { (CrmApiFactory.AgentKey, "agent"), (CrmApiFactory.SupervisorKey, "supervisor"), (CrmApiFactory.AdminKey, "admin") })
        {
            var response = await factory.ClientWithKey(key).SendAsync(Request(method, await ResolveAsync(route)));
            var allowed = access == Access.AnyRole || role == "admin";
            if (allowed)
            {
                Assert.True(response.IsSuccessStatusCode, $"{role} {method} {route} answered {(int)response.StatusCode}");
            }
            else
            {
                await response.AssertProblemAsync(HttpStatusCode.Forbidden);
            }
        }
    }

    [Fact]
    public async Task Health_routes_are_anonymous()
    {
        var client = factory.ClientWithKey(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetFromJsonAsync<Dictionary<string, object>>("/health/ready");
        Assert.Equal("ready", ready!["status"].ToString());
    }

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "PUT" or "POST")
        {
            request.Content = JsonContent.Create(BodyFor(path));
        }

        return request;
    }

    private static object BodyFor(string path) => path switch
    {
        _ when path.Contains("/offers/", StringComparison.Ordinal) => Payloads.Offer(),
        _ when path.Contains("/campaigns/", StringComparison.Ordinal) => Payloads.Campaign(),
        _ when path.EndsWith("/notes", StringComparison.Ordinal) => new { text = "Call back after lunch" },
        _ when path.EndsWith("/auto-payments", StringComparison.Ordinal) => new { enabled = true },
        _ => Payloads.Customer(),
    };

    /// <summary>Fills the route with things that exist, made fresh by an admin, so an allowed call can succeed.</summary>
    private async Task<string> ResolveAsync(string route)
    {
        var admin = factory.Admin();
        var path = route.Replace("{offer}", "auth-offer", StringComparison.Ordinal).Replace("{campaign}", "auth-campaign", StringComparison.Ordinal);
        (await admin.PutAsJsonAsync("/api/v1/offers/auth-offer", Payloads.Offer())).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/v1/campaigns/auth-campaign", Payloads.Campaign())).EnsureSuccessStatusCode();
        if (path.Contains("{customer}", StringComparison.Ordinal))
        {
            var created = await admin.PostAsJsonAsync("/api/v1/customers", Payloads.Customer());
            var id = created.Headers.Location!.ToString().Split('/')[^1];
            path = path.Replace("{customer}", id, StringComparison.Ordinal);
            if (path.Contains("{note}", StringComparison.Ordinal))
            {
                var note = await (await admin.PostAsJsonAsync($"/api/v1/customers/{id}/notes", new { text = "to delete" })).Content.ReadFromJsonAsync<Dictionary<string, object>>();
                path = path.Replace("{note}", note!["id"].ToString(), StringComparison.Ordinal);
            }
        }

        return path;
    }
}
