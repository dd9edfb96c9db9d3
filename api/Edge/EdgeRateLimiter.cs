using System.Threading.RateLimiting;
using OrleansCrm.Api.Auth;

namespace OrleansCrm.Api.Edge;

/// <summary>
/// The global limiter of ASP.NET Core's rate limiting middleware, which runs after authentication:
/// <list type="bullet">
/// <item>Failed authentications: each unknown API key spends a permit of its address. Once an address has spent its
/// window, every request of it that presents a key is refused until the window ends — a valid key too, so a
/// blocked guesser cannot tell a hit from a miss. Requests with a valid key spend nothing: a whole call center
/// behind one address is never slowed by its own traffic.</item>
/// <item>The anonymous trial-extension link (GET and POST): every request spends a permit of its address.</item>
/// </list>
/// The windows run on real time (<see cref="EdgeClock"/>), not on business time, which the simulated clock may hold still.
/// </summary>
public sealed class EdgeRateLimiter(EdgeSettings settings, [FromKeyedServices(EdgeClock.Key)] TimeProvider time)
    : PartitionedRateLimiter<HttpContext>
{
    public const string TrialExtensionsPath = "/api/v1/trial-extensions";
    public const string SignInPath = "/api/v1/wallboard/sign-in";

    private readonly AddressWindows failedAuthentications = new(settings.FailedAuthentications, time,
        "Too many requests with an unknown API key came from your address.");

    private readonly AddressWindows trialExtensions = new(settings.TrialExtensions, time,
        "Too many requests for trial-extension links came from your address.");

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        var request = resource.Request;
        if (request.Path.StartsWithSegments(TrialExtensionsPath, StringComparison.OrdinalIgnoreCase))
        {
            var lease = trialExtensions.Spend(ClientAddress.Of(resource));
            if (!lease.IsAcquired)
            {
                return lease;
            }
        }

        if (request.Path.StartsWithSegments(SignInPath, StringComparison.OrdinalIgnoreCase))
        {
            // A key guessed through the browser's sign-in counts as one guessed in the header (see FailedSignIn).
            return failedAuthentications.Check(ClientAddress.Of(resource));
        }

        if (!request.Headers.TryGetValue(ApiKeyStore.Header, out var key) || string.IsNullOrEmpty(key))
        {
            return AddressWindows.Lease.Allowed;
        }

        // Authentication ran before: a presented key that left the user anonymous was unknown.
        var address = ClientAddress.Of(resource);
        return resource.User.Identity?.IsAuthenticated == true
            ? failedAuthentications.Check(address)
            : failedAuthentications.Spend(address);
    }

    /// <summary>A sign-in with a key that is not known: spends a permit of the address's failed-authentication window.</summary>
    public void FailedSignIn(HttpContext context) => failedAuthentications.Spend(ClientAddress.Of(context)).Dispose();

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount));
}
