using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using OrleansCrm.Api.Auth;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// The one reading of the <c>Idempotency-Key</c> header, for every route that honours it: at most 100 characters of
/// text; blank or absent means none. A key names one request within a scope, in one of two ways: on an existing order
/// the order is the scope (it records the keys it answered, <see cref="Order.Answered"/>, and the provider keys derive
/// from the order and the key); for what does not exist yet (an order, an upsell order, a customer) the scope is who sent
/// the key and what for, hashed (<see cref="ClientRequest.ScopeOf"/>) into the key of the grain that remembers it.
/// A request's fingerprint is its content, canonically serialized.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 100;

    /// <summary>The client's key, validated; null when the request carries none.</summary>
    public static string? Read(HttpRequest http)
    {
        if (!http.Headers.TryGetValue(Header, out var key) || string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var v = new Validator();
        v.Text(Header, key.ToString(), MaxLength);
        v.ThrowIfInvalid();
        return key.ToString();
    }

    /// <summary>The key's stable scope for <paramref name="purpose"/> (null: placing an order, the first scope of all); null without a key.</summary>
    public static string? Scope(HttpRequest http, ClaimsPrincipal user, string? purpose) =>
        Read(http) is { } key ? ClientRequest.ScopeOf(purpose, user.UserId(), key) : null;

    /// <summary>The request as the grain side checks it: its scope key and what it asked; null without a key.</summary>
    public static ClientRequest? Request<T>(HttpRequest http, ClaimsPrincipal user, string? purpose, T request) =>
        Scope(http, user, purpose) is { } scope ? new ClientRequest(scope, Fingerprint(request)) : null;

    /// <summary>A request on an existing order (refund, prepayment, discount, fewer items): the order is the scope; null without a key.</summary>
    public static ClientRequest? OnOrder<T>(HttpRequest http, T request) =>
        Read(http) is { } key ? new ClientRequest(key, Fingerprint(request)) : null;

    private static string Fingerprint<T>(T request) => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
}
