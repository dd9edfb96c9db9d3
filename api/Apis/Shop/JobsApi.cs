using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCrm.Api.Auth;
using OrleansCrm.Contracts.Shop;

namespace OrleansCrm.Api.Apis.Shop;

/// <summary>The nightly linked-order validation: its runs, and running it now.</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var job = app.MapGroup("/api/v1/jobs/" + ShopJobs.LinkedOrderValidation).WithTags("Jobs").ProducesAuthProblems();
        job.MapGet("/runs", Runs).RequireAuthorization(Roles.SupervisorOrAdmin).WithName("LinkedOrderValidationRuns")
            .WithSummary("The nightly linked-order validation's runs, newest first (started, finished, links checked, valid, invalid, awaiting sync, errors, the sync's watermark or error) and its next run (supervisor, admin)");
        job.MapPost("/run", RunNow).RequireAuthorization(Roles.AdminOnly).WithName("RunLinkedOrderValidation")
            .WithSummary("Starts a validation run now (admin); 409 while one runs. The run goes on after the answer: follow it in /runs")
            .ProducesProblems(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Ok<ValidationRunsView>> Runs(IGrainFactory grains) =>
        TypedResults.Ok(ValidationRunsView.From(await Job(grains).GetRunsAsync()));

    public static async Task<Accepted<ValidationRunView>> RunNow(IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Accepted($"/api/v1/jobs/{ShopJobs.LinkedOrderValidation}/runs", ValidationRunView.From(await Job(grains).RunNowAsync(user.Actor().UserId)));

    private static ILinkedOrderValidationJobGrain Job(IGrainFactory grains) => grains.GetGrain<ILinkedOrderValidationJobGrain>(ShopJobs.LinkedOrderValidation);
}
