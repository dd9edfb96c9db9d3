using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansCrm.Api.Auth;

/// <summary>
/// The keys of <c>Auth:ApiKeys</c>, held only as SHA-256 hashes. Checked at startup: every entry needs a
/// key or a hash, a user id and a known role; outside Development at least one key must exist.
/// The development keys (<c>Auth:DevelopmentApiKeys</c>, in appsettings.Development.json) are used only in
/// Development and only while no key is configured: configuring one key replaces all of them, so a published
/// development key never stays valid beside real ones.
/// </summary>
public sealed class ApiKeyStore
{
    public const string Section = "Auth:ApiKeys";
    public const string DevelopmentSection = "Auth:DevelopmentApiKeys";
    public const string Header = "X-Api-Key";

    private readonly Dictionary<string, ApiUser> usersByHash;

    private ApiKeyStore(Dictionary<string, ApiUser> usersByHash) => this.usersByHash = usersByHash;

    public int Count => usersByHash.Count;

    public static ApiKeyStore From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = Section;
        var entries = configuration.GetSection(Section).Get<List<ApiKeyEntry>>() ?? [];
        if (entries.Count == 0 && environment.IsDevelopment())
        {
            section = DevelopmentSection;
            entries = configuration.GetSection(DevelopmentSection).Get<List<ApiKeyEntry>>() ?? [];
        }

        var users = new Dictionary<string, ApiUser>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var at = $"{section}:{i}";
            string hash;
            if (!string.IsNullOrEmpty(entry.KeyHash))
            {
                if (entry.KeyHash.Length != 64 || !entry.KeyHash.All(Uri.IsHexDigit))
                {
                    throw new InvalidOperationException($"Configuration '{at}:KeyHash' must be the SHA-256 of the key as 64 hex digits.");
                }

                hash = entry.KeyHash.ToLowerInvariant();
            }
            else if (!string.IsNullOrEmpty(entry.Key))
            {
                if (entry.Key.Length < 16)
                {
                    throw new InvalidOperationException($"Configuration '{at}:Key' must be at least 16 characters long.");
                }

                hash = Hash(entry.Key);
            }
            else
            {
                throw new InvalidOperationException($"Configuration '{at}' needs 'Key' or 'KeyHash'.");
            }

            if (string.IsNullOrWhiteSpace(entry.UserId))
            {
                throw new InvalidOperationException($"Configuration '{at}:UserId' is missing.");
            }

            var role = entry.Role?.Trim().ToLowerInvariant();
            if (role is null || !Roles.All.Contains(role))
            {
                throw new InvalidOperationException($"Configuration '{at}:Role' must be one of {string.Join(", ", Roles.All)}.");
            }

            if (!users.TryAdd(hash, new ApiUser(entry.UserId.Trim(), role)))
            {
                throw new InvalidOperationException($"Configuration '{at}' repeats a key already configured.");
            }
        }

        if (users.Count == 0 && !environment.IsDevelopment())
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Configuration '{Section}' has no keys; outside Development at least one is needed (e.g. Auth__ApiKeys__0__Key, Auth__ApiKeys__0__UserId, Auth__ApiKeys__0__Role)."));
        }

        return new ApiKeyStore(users);
    }

    public ApiUser? Find(string presentedKey) =>
        usersByHash.TryGetValue(Hash(presentedKey), out var user) ? user : null;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
