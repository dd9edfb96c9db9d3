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
}
