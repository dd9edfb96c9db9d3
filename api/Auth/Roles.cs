namespace OrleansCrm.Api.Auth;

/// <summary>Who may do what. Every route names one of these policies; only a few routes are anonymous.</summary>
public static class Roles
{
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Agent, Supervisor, Admin];

    /// <summary>Policy: any authenticated user (agent, supervisor or admin).</summary>
    public const string AnyRole = "any-role";

    /// <summary>Policy: supervisors and admins.</summary>
    public const string SupervisorOrAdmin = "supervisor-or-admin";

    /// <summary>Policy: admins only.</summary>
    public const string AdminOnly = "admin-only";
}
