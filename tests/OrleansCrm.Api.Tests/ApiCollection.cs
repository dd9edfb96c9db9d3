using System.Net;
using System.Net.Http.Json;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<CrmApiFactory>
{
    public const string Name = "api";
}

public static class HttpAssertions
{
    /// <summary>Asserts an RFC 9457 problem response with the status, and returns its body.</summary>
    public static async Task<ProblemBody> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<ProblemBody>();
        Assert.NotNull(body);
        Assert.Equal((int)status, body.Status);
        Assert.False(string.IsNullOrWhiteSpace(body.Title));
        return body;
    }
}

public sealed record ProblemBody(string? Type, string? Title, int Status, string? Detail, Dictionary<string, string[]>? Errors);
