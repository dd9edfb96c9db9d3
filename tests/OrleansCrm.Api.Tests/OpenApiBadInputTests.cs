using System.Text.Json.Nodes;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>Bad input, generated from the OpenAPI document for every operation, on the in-memory profile.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiBadInputTests(CrmApiFactory factory)
{
    [Fact]
    public async Task Every_operation_answers_bad_input_with_a_4xx_problem_naming_the_field_and_changes_nothing()
    {
        var run = await BadInputCases.RunAsync(factory.Admin());

        Assert.True(run.Operations > 50, $"only {run.Operations} operations in the OpenAPI document");
        Assert.True(run.Sent > 800, $"only {run.Sent} requests were generated");
        Assert.True(run.Faults.Count == 0 && run.Changed.Count == 0, run.Report());
    }

    [Fact]
    public async Task Every_authenticated_operation_documents_401_403_429_and_a_503_to_retry()
    {
        var document = JsonNode.Parse(await factory.Admin().GetStringAsync("/swagger/v1/swagger.json"))!;
        var missing = new List<string>();
        var checkedOperations = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (path.StartsWith("/health", StringComparison.Ordinal) || path.StartsWith("/api/v1/trial-extensions", StringComparison.Ordinal)
                || path.StartsWith("/api/v1/sms/", StringComparison.Ordinal))
            {
                continue; // the anonymous routes (the SMS gateway's webhooks are signed instead)
            }

            foreach (var (method, operation) in item!.AsObject())
            {
                checkedOperations++;
                var responses = operation!["responses"]!.AsObject();
                missing.AddRange(new[] { "401", "403", "429", "503" }.Where(code => !responses.ContainsKey(code)).Select(code => $"{method.ToUpperInvariant()} {path}: {code}"));
            }
        }

        Assert.True(checkedOperations > 40, $"only {checkedOperations} operations");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }
}
