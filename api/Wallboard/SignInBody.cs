namespace OrleansCrm.Api.Wallboard;

/// <summary>A wallboard sign-in as JSON: the supervisor's or admin's API key (form posts send the same field, <c>apiKey</c>).</summary>
public sealed record SignInBody(string? ApiKey);
