using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCrm.Api.Auth;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

public static class OffersApi
{
    public static IEndpointRouteBuilder MapOffersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/offers").WithTags("Offers").RequireAuthorization(Roles.AdminOnly).ProducesAuthProblems();

        api.MapPut("/{offerId}", PutOffer)
            .WithName("PutOffer")
            .WithSummary("Create or replace an offer: prices and S&H per currency (decimals in major units, at most the currency's decimals), trial settings, upsells, shipping methods, prepayment")
            .ProducesProblems(StatusCodes.Status400BadRequest);

        api.MapGet("/{offerId}", GetOffer)
            .WithName("GetOffer")
            .WithSummary("An offer")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Results<Created<OfferResponse>, Ok<OfferResponse>>> PutOffer(string offerId, Offer offer, IGrainFactory grains)
    {
        EndpointConventions.PathId("offerId", offerId);
        var stored = await grains.GetGrain<IOfferGrain>(offerId).PutAsync(offer.ToCommand());
        var body = OfferResponse.From(stored);
        return stored.Created ? TypedResults.Created($"/api/v1/offers/{offerId}", body) : TypedResults.Ok(body);
    }

    public static async Task<Ok<OfferResponse>> GetOffer(string offerId, IGrainFactory grains)
    {
        EndpointConventions.PathId("offerId", offerId);
        var stored = await grains.GetGrain<IOfferGrain>(offerId).GetAsync() ?? throw DomainException.NotFound("Offer", offerId);
        return TypedResults.Ok(OfferResponse.From(stored));
    }
}
