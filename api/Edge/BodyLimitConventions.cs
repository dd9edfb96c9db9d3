namespace OrleansCrm.Api.Edge;

public static class BodyLimitConventions
{
    /// <summary>An upload route: its own body limit and the longer upload timeout.</summary>
    public static RouteHandlerBuilder AcceptsUpload(this RouteHandlerBuilder route, BodyKind kind)
    {
        route.WithMetadata(new BodyLimit(kind));
        route.WithRequestTimeout(EdgeExtensions.UploadTimeoutPolicy);
        return route;
    }
}
