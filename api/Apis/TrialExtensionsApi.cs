using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCrm.Api.Problems;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// The customer's one-time trial extension, the only anonymous business route: the emailed link opens a
/// page (GET) that shows what extending means and whose button POSTs. A GET never extends, so a mail
/// scanner or browser prefetching the link changes nothing. Browsers (Accept: text/html) get small HTML
/// pages, API clients JSON and problem responses. The page shows the order number and products, never
/// the customer's name or address: whoever holds the link may read it.
/// </summary>
public static class TrialExtensionsApi
{
    public static IEndpointRouteBuilder MapTrialExtensionsApi(this IEndpointRouteBuilder app)
    {
        const int missing = StatusCodes.Status404NotFound, conflict = StatusCodes.Status409Conflict;
        var api = app.MapGroup("/api/v1/trial-extensions").WithTags("Orders").AllowAnonymous();
        api.MapGet("/{token}", ShowOffer).WithName("ShowTrialExtension")
            .WithSummary("Anonymous: the page the extension link opens — what extending means (new charge date, amount) and a button that POSTs; never extends by itself")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblems(missing, conflict);
        api.MapPost("/{token}", ExtendTrial).WithName("ExtendTrial")
            .WithSummary("Anonymous: the customer's one-time trial extension (the page's button; a form or no body). HTML confirmation to a browser, JSON otherwise")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblems(missing, conflict);
        return app;
    }

    public static async Task<Results<Ok<ExtensionOfferView>, ContentHttpResult>> ShowOffer(string token, HttpRequest http, IGrainFactory grains)
    {
        try
        {
            var order = await grains.GetGrain<IOrderGrain>(await OrderNumberAsync(token, grains)).GetAsync()
                ?? throw UnknownLink();
            var offer = order.ExtensionOffer();
            if (!WantsHtml(http))
            {
                return TypedResults.Ok(new ExtensionOfferView(offer.OrderNumber, offer.Items.Select(i => i.Name).ToList(), offer.Currency,
                    Currency.Get(offer.Currency).Exactly(offer.Amount), offer.ChargeAt, offer.ExtendedChargeAt, offer.ExtensionDays));
            }

            return Page(http, StatusCodes.Status200OK, "Extend your trial", OfferBody(offer, token));
        }
        catch (DomainException refusal) when (WantsHtml(http))
        {
            return Refusal(http, refusal);
        }
    }

    public static async Task<Results<Ok<ExtensionResult>, ContentHttpResult>> ExtendTrial(string token, HttpRequest http, IGrainFactory grains)
    {
        try
        {
            var number = await OrderNumberAsync(token, grains);
            var order = await grains.GetGrain<IOrderGrain>(number).ExtendTrialAsync();
            var charge = order.Event(WorkflowIds.ProductCharge);
            if (!WantsHtml(http))
            {
                return TypedResults.Ok(new ExtensionResult(number, charge.ScheduledAt));
            }

            var body = new StringBuilder()
                .Append("<p>Your trial for order <strong>").Append(H(number)).Append("</strong> is extended by ")
                .Append(order.Trial!.ExtensionDays.ToString(CultureInfo.InvariantCulture)).Append(" days.</p>")
                .Append("<p>").Append(H(order.Format(order.AmountToCharge(charge)))).Append(" will be charged on <strong>")
                .Append(H(LocalDate(charge.ScheduledAt, order.Customer.TimeZone))).Append("</strong>. Nothing else changes; you may close this page.</p>");
            return Page(http, StatusCodes.Status200OK, "Your trial is extended", body.ToString());
        }
        catch (DomainException refusal) when (WantsHtml(http))
        {
            return Refusal(http, refusal);
        }
    }

    private static async Task<string> OrderNumberAsync(string token, IGrainFactory grains)
    {
        var number = token.Length is > 0 and <= 200
            ? await grains.GetGrain<ITrialExtensionTokenGrain>(TrialExtensionTokens.KeyOf(token)).GetOrderNumberAsync()
            : null;
        return number ?? throw UnknownLink();
    }

    private static DomainException UnknownLink() =>
        new(ProblemKind.NotFound, "Unknown extension link", "This trial-extension link is not valid. Please use the link in the latest email from us, or call customer care.");

    /// <summary>A browser asks for HTML first; an API client (JSON, <c>*/*</c> or no Accept header) gets JSON, as before the page existed.</summary>
    internal static bool WantsHtml(HttpRequest http)
    {
        double html = 0, json = 0;
        foreach (var media in http.GetTypedHeaders().Accept)
        {
            var type = media.MediaType.Value ?? "";
            var quality = media.Quality ?? 1;
            if (type.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
            else if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
        }

        return html > 0 && html >= json;
    }

    private static string OfferBody(TrialExtensionOffer offer, string token)
    {
        var amount = $"{offer.Currency} {Currency.Get(offer.Currency).Exactly(offer.Amount).ToString(CultureInfo.InvariantCulture)}";
        var products = string.Join(", ", offer.Items.Select(i => i.Quantity == 1 ? i.Name : $"{i.Quantity} × {i.Name}"));
        var days = offer.ExtensionDays.ToString(CultureInfo.InvariantCulture);
        return new StringBuilder()
            .Append("<p>Order <strong>").Append(H(offer.OrderNumber)).Append("</strong>: ").Append(H(products)).Append(".</p>")
            .Append("<p>Your trial ends on <strong>").Append(H(LocalDate(offer.ChargeAt, offer.TimeZone))).Append("</strong>, when ")
            .Append(H(amount)).Append(" will be charged.</p>")
            .Append("<p>You can extend it once, by ").Append(H(days)).Append(" days, free of charge: the ").Append(H(amount))
            .Append(" will then be charged on <strong>").Append(H(LocalDate(offer.ExtendedChargeAt, offer.TimeZone))).Append("</strong> instead.</p>")
            .Append("<form method=\"post\" action=\"/api/v1/trial-extensions/").Append(H(Uri.EscapeDataString(token))).Append("\">")
            .Append("<button type=\"submit\">Extend my trial by ").Append(H(days)).Append(" days</button></form>")
            .ToString();
    }

    private static ContentHttpResult Refusal(HttpRequest http, DomainException refusal) =>
        Page(http, CrmExceptionHandler.StatusOf(refusal.Kind), refusal.Kind == ProblemKind.NotFound ? "This link is not valid" : refusal.Title,
            $"<p>{H(CardNumbers.Redact(refusal.Detail ?? refusal.Title))}</p>");

    /// <summary>A small page that loads nothing, runs no script, is never cached and sends no referrer (the link is the secret).</summary>
    private static ContentHttpResult Page(HttpRequest http, int status, string title, string bodyHtml)
    {
        var headers = http.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        var html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
                   "<meta name=\"robots\" content=\"noindex\"><title>" + H(title) + "</title>" +
                   "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}" +
                   "button{font-size:1.1rem;padding:.6rem 1.2rem;cursor:pointer}</style></head>" +
                   "<body><main><h1>" + H(title) + "</h1>" + bodyHtml + "</main></body></html>";
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static string LocalDate(DateTimeOffset at, string zone) => $"{TimeZones.LocalDate(at, zone)} ({zone})";

    private static string H(string text) => HtmlEncoder.Default.Encode(text);
}
