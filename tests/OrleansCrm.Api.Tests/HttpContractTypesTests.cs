using System.Collections;
using System.Reflection;

using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// What a route reads from its body and writes in its answer is an api type, never a domain type: the HTTP contract and
/// the domain change apart. Generated over every route the api maps, from its endpoint metadata, so a new route is covered.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HttpContractTypesTests(CrmApiFactory factory)
{
    private static readonly Assembly DomainAssembly = typeof(Domain.Orders.Order).Assembly;

    /// <summary>
    /// Domain values still nested, unchanged, inside api types: the enums, a closed set of names whose schema is those
    /// names. The list may only shrink: a new domain type in a body or an answer fails the test, and an entry no route
    /// uses any more must come off it.
    /// </summary>
    private static readonly string[] StillShared =
    [
        "OrleansCrm.Domain.Calls.BookingStatus",
        "OrleansCrm.Domain.Calls.CallDirection",
        "OrleansCrm.Domain.Calls.CallStatus",
        "OrleansCrm.Domain.Calls.CallbackVisibility",
        "OrleansCrm.Domain.Calls.DialStage",
        "OrleansCrm.Domain.Calls.HandOutReason",
        "OrleansCrm.Domain.Calls.InvoiceAction",
        "OrleansCrm.Domain.Calls.LinkStatus",
        "OrleansCrm.Domain.Campaigns.OutcomeType",
        "OrleansCrm.Domain.Orders.FulfillmentState",
        "OrleansCrm.Domain.Orders.OrderChangeKind",
        "OrleansCrm.Domain.Orders.OrderStatus",
        "OrleansCrm.Domain.Orders.PaymentKind",
        "OrleansCrm.Domain.Orders.WorkflowEventType",
        "OrleansCrm.Domain.Orders.WorkflowKind",
        "OrleansCrm.Domain.Orders.WorkflowStatus",
        "OrleansCrm.Domain.Messaging.DeliveryStatus",
        "OrleansCrm.Domain.Payments.PaymentStatus",
    ];

    [Fact]
    public void No_route_reads_a_domain_type_from_its_body_or_writes_one_as_its_answer()
    {
        var offenders = Routes()
            .SelectMany(r => r.Types.SelectMany(Unwrapped).Where(t => t.Assembly == DomainAssembly).Select(t => $"{r.Route}: {Name(t)}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0, "Routes that take or give a domain type (give them an api type in api/Apis):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void A_domain_type_nested_in_a_body_or_an_answer_is_only_one_of_the_listed_shared_values()
    {
        var nested = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (route, types) in Routes())
        {
            foreach (var type in types)
            {
                Walk(type, new HashSet<Type>(), found => (nested.TryGetValue(Name(found), out var routes) ? routes : nested[Name(found)] = new(StringComparer.Ordinal)).Add(route));
            }
        }

        var unlisted = nested.Keys.Except(StillShared).Select(n => $"{n} (in {string.Join(", ", nested[n].Take(3))})").ToList();
        var gone = StillShared.Except(nested.Keys).ToList();
        Assert.True(unlisted.Count == 0, "Domain types nested in a route's body or answer (give them an api type):\n" + string.Join("\n", unlisted));
        Assert.True(gone.Count == 0, "Listed as still shared but no route uses them any more (take them off the list):\n" + string.Join("\n", gone));
    }

    /// <summary>Every route with the types its body and its answers are declared as, from the endpoint metadata.</summary>
    private IEnumerable<(string Route, IReadOnlyList<Type> Types)> Routes()
    {
        var descriptions = factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items.SelectMany(g => g.Items).ToList();
        Assert.NotEmpty(descriptions);
        foreach (var d in descriptions)
        {
            var types = d.ParameterDescriptions.Where(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form).Select(p => p.Type)
                .Concat(d.SupportedResponseTypes.Select(r => r.Type))
                .OfType<Type>()
                .ToList();
            yield return ($"{d.HttpMethod} /{d.RelativePath}", types);
        }

        // Bodies a handler reads itself (a lead import takes JSON or CSV) are declared with Accepts<T>, not as a parameter.
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var declared = endpoint.Metadata.OfType<IAcceptsMetadata>().Select(a => a.RequestType)
                .Concat(endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.Type))
                .OfType<Type>()
                .ToList();
            yield return (endpoint.DisplayName ?? endpoint.RoutePattern.RawText ?? "?", declared);
        }
    }

    /// <summary>The type itself, or what a list, a dictionary, a nullable or a generic answer (Ok&lt;T&gt;, Page&lt;T&gt;) carries.</summary>
    private static IEnumerable<Type> Unwrapped(Type type)
    {
        if (type.IsArray)
        {
            return Unwrapped(type.GetElementType()!);
        }

        if (type.IsGenericType)
        {
            var own = type.Assembly == DomainAssembly ? [type.GetGenericTypeDefinition()] : Array.Empty<Type>();
            return own.Concat(type.GetGenericArguments().SelectMany(Unwrapped));
        }

        return [type];
    }

    /// <summary>Every domain type reachable from <paramref name="type"/> through the public properties JSON writes and reads.</summary>
    private static void Walk(Type type, HashSet<Type> seen, Action<Type> found)
    {
        foreach (var t in Unwrapped(type))
        {
            if (!seen.Add(t) || t.IsPrimitive || t.Namespace is null || !t.Namespace.StartsWith("OrleansCrm", StringComparison.Ordinal))
            {
                continue;
            }

            if (t.Assembly == DomainAssembly)
            {
                found(t);
            }

            if (t.IsEnum || typeof(IEnumerable).IsAssignableFrom(t) && t != typeof(string))
            {
                continue;
            }

            foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                Walk(property.PropertyType, seen, found);
            }
        }
    }

    private static string Name(Type type) => type.FullName ?? type.Name;
}
