using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OrleansCrm.Api.Apis;
using OrleansCrm.Api.Auth;
using OrleansCrm.Api.Edge;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts.Wallboard;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Wallboard;

/// <summary>
/// The supervisor wallboard: the page (<c>/wallboard</c>, static, no data in it), sign-in and sign-out for a browser,
/// the snapshot and its server-sent-events stream. The session cookie authenticates these routes only; nothing that
/// changes state accepts it but sign-out, and SameSite=Strict keeps other sites from sending it.
/// </summary>
public static class WallboardApi
{
    public const string PagePath = "/wallboard";

    public static IEndpointRouteBuilder MapWallboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(PagePath, () => Asset("wallboard.html", "text/html; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(PagePath + "/wallboard.js", () => Asset("wallboard.js", "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(PagePath + "/wallboard.css", () => Asset("wallboard.css", "text/css; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();

        var api = app.MapGroup("/api/v1/wallboard").WithTags("Wallboard");
        const int bad = StatusCodes.Status400BadRequest, missing = StatusCodes.Status404NotFound;
        api.MapPost("/sign-in", SignInAsync).AllowAnonymous().WithName("WallboardSignIn")
            .WithSummary("Sign a browser in to the wallboard with a supervisor's or admin's API key (JSON { apiKey } or a form field apiKey): sets an HttpOnly, SameSite=Strict session cookie. 401 for an unknown key, 403 for an agent's.")
            .Accepts<SignInBody>("application/json", "application/x-www-form-urlencoded")
            .Produces<SessionView>().ProducesProblems(bad, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable);
        var board = api.MapGroup("").RequireAuthorization(WallboardSessionAuthentication.Policy).ProducesAuthProblems();
        board.MapPost("/sign-out", SignOutAsync).WithName("WallboardSignOut").WithSummary("End the browser's wallboard session (204; a form post is sent back to the page)")
            .Produces(StatusCodes.Status204NoContent);
        board.MapGet("/session", Session).WithName("WallboardSession").WithSummary("Who is signed in to the wallboard (supervisor, admin; the session cookie or X-Api-Key)");
        board.MapGet("", SnapshotAsync).WithName("Wallboard")
            .WithSummary("The wallboard now: per agent (today's outcomes with colors, calls, talk time, state) and per campaign (queue by stage, last 15 minutes, contact rate and conversion today and over the last hour, tile status). campaignId: one or a comma list; today is the campaign's day in its zone (the agents' rows: the first campaign's).")
            .ProducesProblems(bad, missing);
        board.MapGet("/stream", StreamAsync).WithName("WallboardStream")
            .WithSummary("Server-sent events: a snapshot, then 'agent' and 'campaign' changes as calls start and end and outcomes are confirmed, and heartbeats; every event has an id. A reconnect (Last-Event-ID) starts with a fresh snapshot.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream").ProducesProblems(bad, missing);
        return app;
    }

    public static async Task<IResult> SignInAsync(HttpRequest http, ApiKeyStore keys, IGrainFactory grains, CrmClock clock, IOptions<WallboardOptions> options, IOptions<JsonOptions> json, EdgeRateLimiter limiter)
    {
        if (!SameOrigin(http))
        {
            return Problem(StatusCodes.Status403Forbidden, "Not allowed", "A sign-in comes from the wallboard's own page.");
        }

        var form = http.HasFormContentType;
        string? key;
        if (form)
        {
            key = (await http.ReadFormAsync(http.HttpContext.RequestAborted))["apiKey"].ToString();
        }
        else if (!http.HasJsonContentType())
        {
            throw new BadHttpRequestException("Send the sign-in as JSON or as a form.", StatusCodes.Status415UnsupportedMediaType);
        }
        else
        {
            try
            {
                var body = await http.ReadFromJsonAsync<SignInBody>(json.Value.SerializerOptions, http.HttpContext.RequestAborted);
                key = body?.ApiKey;
            }
            catch (JsonException bad)
            {
                // As the framework's own body binding reports it: the one problem mapping names the field.
                throw new BadHttpRequestException("The sign-in is not valid JSON.", StatusCodes.Status400BadRequest, bad);
            }
        }

        if (string.IsNullOrEmpty(key))
        {
            throw DomainException.Invalid(new Dictionary<string, string[]> { ["apiKey"] = ["is required."] });
        }

        var user = keys.Find(key);
        if (user is null)
        {
            limiter.FailedSignIn(http.HttpContext);
            return form ? Page("Sign-in refused", "That key is not known.", StatusCodes.Status401Unauthorized)
                : Problem(StatusCodes.Status401Unauthorized, "Authentication required", "That API key is not known.");
        }

        if (user.Role is not (Roles.Supervisor or Roles.Admin))
        {
            return form ? Page("Not allowed", "The wallboard is for supervisors and admins.", StatusCodes.Status403Forbidden)
                : Problem(StatusCodes.Status403Forbidden, "Not allowed", "The wallboard is for supervisors and admins.");
        }

        var token = WallboardSessionAuthentication.NewToken();
        await grains.GetGrain<IWallboardSessionGrain>(WallboardSessionAuthentication.KeyOf(token)).OpenAsync(user.UserId, user.Role, clock.GetUtcNow() + options.Value.SessionLifetime);
        http.HttpContext.Response.Cookies.Append(WallboardSessionAuthentication.CookieName, token, WallboardSessionAuthentication.CookieFor(http, null));
        return form ? Results.Redirect(PagePath + ReturnQuery(http), permanent: false, preserveMethod: false) : TypedResults.Ok(new SessionView(user.UserId, user.Role, "session"));
    }

    public static async Task<IResult> SignOutAsync(HttpContext http, IGrainFactory grains)
    {
        if (!SameOrigin(http.Request))
        {
            return Problem(StatusCodes.Status403Forbidden, "Not allowed", "A sign-out comes from the wallboard's own page.");
        }

        if (http.User.FindFirstValue(WallboardSessionAuthentication.SessionClaim) is { } key)
        {
            await grains.GetGrain<IWallboardSessionGrain>(key).EndAsync();
        }

        http.Response.Cookies.Delete(WallboardSessionAuthentication.CookieName, WallboardSessionAuthentication.CookieFor(http.Request, null));
        return http.Request.HasFormContentType ? Results.Redirect(PagePath, permanent: false, preserveMethod: false) : TypedResults.NoContent();
    }

    public static Ok<SessionView> Session(ClaimsPrincipal user) => TypedResults.Ok(new SessionView(
        user.FindFirstValue(ClaimTypes.NameIdentifier)!, user.FindFirstValue(ClaimTypes.Role)!,
        user.HasClaim(c => c.Type == WallboardSessionAuthentication.SessionClaim) ? "session" : "api-key"));

    public static async Task<Ok<WallboardView>> SnapshotAsync(string? campaignId, WallboardFigures figures, HttpContext http) =>
        TypedResults.Ok(await figures.BuildAsync(CampaignIds(campaignId), http.RequestAborted));

    public static async Task StreamAsync(string? campaignId, HttpContext http, WallboardStream stream) =>
        await stream.RunAsync(http, CampaignIds(campaignId));

    /// <summary>The board's campaigns: one id or a comma list, each checked, none twice.</summary>
    public static IReadOnlyList<string> CampaignIds(string? campaignId)
    {
        var v = new Validator();
        var ids = (campaignId ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            v.Add("campaignId", "is required: one campaign id or a comma list.");
        }
        else if (ids.Count > WallboardOptions.MaxCampaigns)
        {
            v.Add("campaignId", $"may name at most {WallboardOptions.MaxCampaigns} campaigns.");
        }

        foreach (var id in ids)
        {
            v.Id("campaignId", id);
        }

        v.ThrowIfInvalid();
        return ids;
    }

    /// <summary>
    /// A POST a browser sends from another site is refused (SameSite=Strict already keeps the cookie off it): by
    /// <c>Sec-Fetch-Site</c> when the browser sends it, else by an <c>Origin</c> naming another host. (Our pages send
    /// <c>Referrer-Policy: no-referrer</c>, so a browser's own form post may carry <c>Origin: null</c>.)
    /// </summary>
    private static bool SameOrigin(HttpRequest http)
    {
        if (http.Headers.TryGetValue("Sec-Fetch-Site", out var site) && !string.IsNullOrEmpty(site))
        {
            return site.ToString() is "same-origin" or "none";
        }

        return !http.Headers.TryGetValue("Origin", out var origin) || string.IsNullOrEmpty(origin) || origin.ToString() == "null" ||
            (Uri.TryCreate(origin.ToString(), UriKind.Absolute, out var uri) && string.Equals(uri.Authority, http.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The board's campaigns carried through a form sign-in (the page's query string, checked; never a key).</summary>
    private static string ReturnQuery(HttpRequest http)
    {
        var campaigns = http.Form["campaignId"].ToString();
        if (string.IsNullOrEmpty(campaigns) || campaigns.Length > 2000 || !campaigns.All(c => char.IsAsciiLetterOrDigit(c) || c is ',' or '-' or '_' or '.'))
        {
            return "";
        }

        return "?campaignId=" + Uri.EscapeDataString(campaigns).Replace("%2C", ",", StringComparison.Ordinal);
    }

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    private static IResult Page(string title, string text, int status) => Results.Content(
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title><link rel=\"stylesheet\" href=\"/wallboard/wallboard.css\"></head>" +
        $"<body class=\"message\"><main><h1>{title}</h1><p>{text}</p><p><a href=\"/wallboard\">Back to the sign-in</a></p></main></body></html>",
        "text/html; charset=utf-8", statusCode: status);

    private static IResult Asset(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("OrleansCrm.Api.Wallboard.Assets." + name)
            ?? throw new InvalidOperationException($"The wallboard asset '{name}' is not in the api assembly.");
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), contentType);
    }
}
