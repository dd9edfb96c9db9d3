using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrleansCrm.Api.Problems;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts.Wallboard;

namespace OrleansCrm.Api.Wallboard;

/// <summary>
/// The wallboard's browser session: an HttpOnly, SameSite=Strict cookie holding a random token, checked against its
/// session grain (keyed by the token's SHA-256) on every request, its expiry sliding. Only the wallboard's policy
/// (<see cref="Policy"/>) names this scheme: every other route still reads <c>X-Api-Key</c> only.
/// </summary>
public sealed class WallboardSessionAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains,
    CrmClock clock,
    IOptions<WallboardOptions> wallboard)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "WallboardSession";
    public const string CookieName = "crm_wallboard";
    public const string Policy = "wallboard";
    public const string SessionClaim = "wallboard-session";

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string KeyOf(string token) => Auth.ApiKeyStore.Hash(token);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(CookieName, out var token) || string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return AuthenticateResult.NoResult();
        }

        var key = KeyOf(token);
        var now = clock.GetUtcNow();
        var session = await grains.GetGrain<IWallboardSessionGrain>(key).TouchAsync(now, now + wallboard.Value.SessionLifetime);
        if (session is null)
        {
            return AuthenticateResult.Fail("The wallboard session has ended or expired.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, session.UserId), new Claim(ClaimTypes.Role, session.Role), new Claim(SessionClaim, key)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    // The wallboard's policy names the API key's scheme first: when it has answered already, this one adds nothing.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => Response.HasStarted
        ? Task.CompletedTask
        : ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            "Sign in to the wallboard (or send a valid API key in the X-Api-Key header).");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Response.HasStarted
        ? Task.CompletedTask
        : ProblemResponses.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed",
            "Your role may not do this.");

    /// <summary>The session cookie: HttpOnly, SameSite=Strict, Secure on https, for the whole site (the page and its API), no longer than the session.</summary>
    public static CookieOptions CookieFor(HttpRequest request, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        Expires = expires,
        IsEssential = true,
    };
}
