using System.Net.Sockets;
using Npgsql;
using Orleans.Runtime.Messaging;
using Orleans.Serialization;
using Orleans.Storage;

namespace OrleansCrm.Api.Problems;

/// <summary>
/// The failures a retry can cure: the cluster moving (a silo gone or not yet declared dead, a rejected message, a
/// grain call that timed out, a gateway or the cluster out of reach, a write racing another activation) and the
/// database blinking (a transient Npgsql error, a socket). Looked for anywhere in the exception's inner chain, as
/// storage providers and grain calls wrap them.
/// </summary>
public static class TransientFailures
{
    /// <summary>The types above by name, for an exception that crossed from another process as Orleans' fallback type.</summary>
    private static readonly HashSet<string> TransientTypeNames =
    [
        typeof(SiloUnavailableException).FullName!,
        typeof(OrleansMessageRejectionException).FullName!,
        typeof(GatewayTooBusyException).FullName!,
        typeof(ConnectionFailedException).FullName!,
        typeof(InconsistentStateException).FullName!,
        typeof(TimeoutException).FullName!,
        typeof(SocketException).FullName!,
    ];

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (IsTransient(e) || (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Is)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTransient(Exception e) => e switch
    {
        OrleansMessageRejectionException or GatewayTooBusyException or ConnectionFailedException => true,
        Orleans.Runtime.MembershipService.OrleansClusterConnectivityCheckFailedException => true,
        InconsistentStateException or TimeoutException or SocketException => true,
        NpgsqlException npgsql => npgsql.IsTransient,
        UnavailableExceptionFallbackException fallback => fallback.ExceptionType is { } type && TransientTypeNames.Contains(type),
        _ => false,
    };
}
