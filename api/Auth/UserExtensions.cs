using System.Security.Claims;

namespace OrleansCrm.Api.Auth;

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
