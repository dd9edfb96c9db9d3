namespace OrleansCrm.Api.Auth;

/// <summary>One configured key: the key itself or its SHA-256 (hex), bound to a user and a role.</summary>
public sealed class ApiKeyEntry
{
    public string? Key { get; set; }

    public string? KeyHash { get; set; }

    public string? UserId { get; set; }

    public string? Role { get; set; }
}
