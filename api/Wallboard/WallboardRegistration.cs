using Microsoft.AspNetCore.Authentication;
using OrleansCrm.Api.Auth;

namespace OrleansCrm.Api.Wallboard;

public static class WallboardRegistration
{
    /// <summary>The wallboard's settings, its session scheme and its policy (supervisors and admins, by session cookie or API key).</summary>
    public static IServiceCollection AddCrmWallboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WallboardOptions>(configuration.GetSection(WallboardOptions.Section));
        services.AddSingleton<WallboardFigures>();
        services.AddSingleton<SharedWallboardBuilds>();
        services.AddSingleton<WallboardStream>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, WallboardSessionAuthentication>(WallboardSessionAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(WallboardSessionAuthentication.Policy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName, WallboardSessionAuthentication.SchemeName)
            .RequireRole(Roles.Supervisor, Roles.Admin));
        return services;
    }
}
