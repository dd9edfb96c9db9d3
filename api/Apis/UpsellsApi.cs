using OrleansCrm.Contracts.Scheduling;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCrm.Api.Auth;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;
using OrleansCrm.Contracts.Ports;

namespace OrleansCrm.Api.Apis;

/// <summary>Upsells on outbound calls: only on orders the customer paid, priced in the main order's currency, paid by card.</summary>
public static class UpsellsApi
{
    public static IEndpointRouteBuilder MapUpsellsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/orders/{orderNumber}/upsells").WithTags("Upsells").RequireAuthorization(Roles.AnyRole).ProducesAuthProblems();
        const int bad = StatusCodes.Status400BadRequest, missing = StatusCodes.Status404NotFound, conflict = StatusCodes.Status409Conflict;

        api.MapGet("/", GetUpsells).WithName("GetUpsells")
            .WithSummary("The upsells of the offer the customer bought, with their quantities and shipping methods, priced in the order's currency")
            .ProducesProblems(bad, missing, conflict);
        api.MapPost("/quote", Quote).WithName("QuoteUpsell")
            .WithSummary("The price (unit × quantity + shipping) in the currency of the customer's main order; quantity and shipping must belong to the upsell")
            .ProducesProblems(bad, missing, conflict);
        api.MapPost("/", Checkout).WithName("CheckoutUpsell")
            .WithSummary("Checkout with the card on file or a provider token, through a payment provider of the campaign; 201 with the new order; 402 on decline (nothing created). Honours Idempotency-Key.")
            .ProducesProblems(bad, StatusCodes.Status402PaymentRequired, missing, conflict, StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    public static async Task<Ok<UpsellMenu>> GetUpsells(string orderNumber, IGrainFactory grains)
    {
        var (main, offer) = await LoadAsync(orderNumber, grains);
        var shipping = offer.ShippingMethods.ToDictionary(m => m.Id);
        var upsells = offer.Upsells.Select(u => new UpsellOptionView(
            u.Id,
            u.Name,
            u.UnitPrice.TryGetValue(main.Currency, out var unit) ? unit : null,
            u.AllowedQuantities,
            u.ShippingMethodIds.Select(id => new ShippingOptionView(id, shipping[id].Name, shipping[id].Price.TryGetValue(main.Currency, out var p) ? p : null)).ToList()))
            .ToList();
        return TypedResults.Ok(new UpsellMenu(main.Number, main.Currency, upsells));
    }

    public static async Task<Ok<UpsellPrice>> Quote(string orderNumber, UpsellChoice choice, IGrainFactory grains)
    {
        var (main, offer) = await LoadAsync(orderNumber, grains);
        return TypedResults.Ok(UpsellPrice.From(UpsellQuote.Price(offer, main.Currency, choice.ToDomain())));
    }

    public static async Task<Created<OrderPage>> Checkout(
        string orderNumber, UpsellCheckoutBody body, HttpRequest http, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock, IOrderDirectory orders, ICallDirectory calls)
    {
        EndpointConventions.PathId("orderNumber", orderNumber);
        var by = user.UserId();
        var checkout = body.ToCommand(orderNumber);

        // Bad input never draws an order number: the main order, the choice and the campaign are checked first.
        var (main, offer) = await LoadAsync(orderNumber, grains);
        UpsellQuote.Price(offer, main.Currency, checkout.Choice);
        if (await grains.GetGrain<ICampaignGrain>(checkout.CampaignId).GetAsync() is null)
        {
            throw DomainException.Invalid(new Dictionary<string, string[]> { ["campaignId"] = [$"There is no campaign '{checkout.CampaignId}'."] });
        }

        var client = IdempotencyKeys.Request(http, user, "upsell", checkout);
        Order order;
        if (client is not null)
        {
            order = await grains.GetGrain<IIdempotentOrderGrain>(client.Key).PlaceUpsellOnceAsync(checkout, client, by);
        }
        else
        {
            var number = (await grains.GetGrain<ISequenceGrain>(SequenceNames.Orders).NextAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
            order = await grains.GetGrain<IOrderGrain>(number).PlaceUpsellAsync(checkout, by);
        }

        return TypedResults.Created($"/api/v1/orders/{order.Number}", await OrdersApi.PageAsync(order, grains, clock, orders, calls));
    }

    private static async Task<(Order Main, Domain.Offers.Offer Offer)> LoadAsync(string orderNumber, IGrainFactory grains)
    {
        EndpointConventions.PathId("orderNumber", orderNumber);
        var main = await grains.GetGrain<IOrderGrain>(orderNumber).GetAsync() ?? throw DomainException.NotFound("Order", orderNumber);
        OrderRules.Ensure(main.Number, main.Status, OrderAction.SellUpsell);
        var offer = await grains.GetGrain<IOfferGrain>(main.OfferId).GetAsync()
            ?? throw DomainException.Conflict("The offer is gone", $"Offer '{main.OfferId}' of order {main.Number} no longer exists.");
        return (main, offer.Value);
    }
}
