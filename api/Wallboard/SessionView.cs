namespace OrleansCrm.Api.Wallboard;

/// <summary>Who is signed in to the wallboard, and how (<c>session</c>: the browser's cookie; <c>api-key</c>: the header).</summary>
public sealed record SessionView(string UserId, string Role, string By);
