namespace OrleansCrm.Api.Auth;

/// <summary>The user a key belongs to.</summary>
public sealed record ApiUser(string UserId, string Role);
