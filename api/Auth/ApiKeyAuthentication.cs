using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrleansCrm.Api.Problems;

namespace OrleansCrm.Api.Auth;

/// <summary>Authenticates the <c>X-Api-Key</c> header; refusals are problem responses like every other error.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyStore.Header, out var presented) || string.IsNullOrEmpty(presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var user = keys.Find(presented.ToString());
        if (user is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.UserId), new Claim(ClaimTypes.Role, user.Role)],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>What a 401 says in <c>WWW-Authenticate</c>: our scheme and the header it reads.</summary>
    public const string Challenge = SchemeName + " header=\"" + ApiKeyStore.Header + "\"";

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = Challenge;
        return ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Authentication required",
            $"Send a valid API key in the {ApiKeyStore.Header} header.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponses.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed",
            "Your role may not do this.");
}

public static class UserExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No authenticated user.");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static bool IsAgent(this ClaimsPrincipal user) => user.IsInRole(Roles.Agent);

    /// <summary>The user as grains see them: agents act on their own calls only.</summary>
    public static Contracts.Actor Actor(this ClaimsPrincipal user) => new(user.UserId(), user.IsAgent(), user.IsAdmin());

    /// <summary>
    /// The agent a dialer or call request is for: an agent key is always its own agent (naming another is a 403);
    /// supervisors and admins name the agent.
    /// </summary>
    public static string AgentFor(this ClaimsPrincipal user, string? named)
    {
        if (user.IsAgent())
        {
            return named is null || named == user.UserId()
                ? user.UserId()
                : throw new Domain.Common.DomainException(Domain.Common.ProblemKind.Forbidden, "Another agent", $"An agent key acts for its own agent '{user.UserId()}' only, not '{Domain.Common.Validator.Shorten(named)}'.");
        }

        var v = new Domain.Common.Validator();
        v.Id("agentId", named);
        v.ThrowIfInvalid();
        return named!;
    }
}
