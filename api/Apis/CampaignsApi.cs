using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCrm.Api.Auth;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

public static class CampaignsApi
{
    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/campaigns").WithTags("Campaigns").RequireAuthorization(Roles.AdminOnly).ProducesAuthProblems();

        admin.MapPut("/{campaignId}", PutCampaign)
            .WithName("PutCampaign")
            .WithSummary("Create or replace a campaign: IANA time zone, calling hours, outcome catalog, workflow steps, retry policy, attempt cap, payment providers")
            .ProducesProblems(StatusCodes.Status400BadRequest);

        admin.MapGet("/{campaignId}", GetCampaign)
            .WithName("GetCampaign")
            .WithSummary("A campaign")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        var anyone = app.MapGroup("/api/v1/campaigns").WithTags("Campaigns").RequireAuthorization(Roles.AnyRole).ProducesAuthProblems();

        anyone.MapGet("/{campaignId}/outcomes", GetOutcomes)
            .WithName("GetCampaignOutcomes")
            .WithSummary("The outcome menu agents pick from: code, label, type R/N/C/T, color, quick button")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Created<CampaignResponse>, Ok<CampaignResponse>>> PutCampaign(string campaignId, Campaign campaign, IGrainFactory grains)
    {
        EndpointConventions.PathId("campaignId", campaignId);
        var stored = await grains.GetGrain<ICampaignGrain>(campaignId).PutAsync(campaign.ToCommand());
        var body = CampaignResponse.From(stored);
        return stored.Created ? TypedResults.Created($"/api/v1/campaigns/{campaignId}", body) : TypedResults.Ok(body);
    }

    public static async Task<Ok<CampaignResponse>> GetCampaign(string campaignId, IGrainFactory grains) =>
        TypedResults.Ok(CampaignResponse.From(await LoadAsync(campaignId, grains)));

    public static async Task<Ok<IReadOnlyList<Outcome>>> GetOutcomes(string campaignId, IGrainFactory grains) =>
        TypedResults.Ok(Outcome.Of((await LoadAsync(campaignId, grains)).Value.Outcomes!));

    private static async Task<Stored<Domain.Campaigns.Campaign>> LoadAsync(string campaignId, IGrainFactory grains)
    {
        EndpointConventions.PathId("campaignId", campaignId);
        return await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync() ?? throw DomainException.NotFound("Campaign", campaignId);
    }
}
