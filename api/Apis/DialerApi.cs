using OrleansCrm.Contracts.Scheduling;
using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using OrleansCrm.Api.Auth;
using OrleansCrm.Api.Edge;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Orders;
using static OrleansCrm.Api.Apis.EndpointConventions;

namespace OrleansCrm.Api.Apis;

public static class DialerApi
{
    /// <summary>How many leads go to the dialer in one grain call during an import.</summary>
    public const int ImportChunk = 1000;

    /// <summary>How many customers or orders named by an import are looked up at once.</summary>
    private const int LookupParallelism = 32;

    public static IEndpointRouteBuilder MapDialerApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/campaigns/{campaignId}").WithTags("Dialer").RequireAuthorization(Roles.AnyRole).ProducesAuthProblems();
        const int bad = StatusCodes.Status400BadRequest, missing = StatusCodes.Status404NotFound;

        api.MapPost("/leads", ImportLeads).RequireAuthorization(Roles.SupervisorOrAdmin).WithName("ImportLeads")
            .WithSummary("Bulk import (supervisor, admin): a JSON array of { id?, name?, phone, email?, timeZone?, customerId?, orderNumber? }, or text/csv with a header row. Up to 10,000 rows; bad rows are reported, good rows kept. A lead of a known customer takes the customer's name, phone, email and zone where its row gives none; an unknown customer or order, a deleted order, another customer's order or one marked already paid is a row error.")
            .Accepts<IReadOnlyList<Lead>>("application/json", "text/csv")
            .AcceptsUpload(BodyKind.LeadImport)
            .ProducesProblems(bad, missing, StatusCodes.Status415UnsupportedMediaType);
        api.MapPost("/dialer/next", Next).WithName("DialerNext")
            .WithSummary("The next contact for the agent: own due private callbacks, due public callbacks, due retries, fresh leads — inside calling hours, never a do-not-call number. 204 when none.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(bad, missing);
        api.MapPost("/dialer/reload", Reload).RequireAuthorization(Roles.AdminOnly).WithName("DialerReload")
            .WithSummary("Drops the dialer's activation (admin): the next request rebuilds the queue from storage, as after a restart or a failover.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(bad);
        api.MapGet("/dialer/stats", Stats).WithName("DialerStats").WithSummary("Contacts due now, scheduled later, leased, done").ProducesProblems(bad, missing);

        var dnc = app.MapGroup("/api/v1/dnc").WithTags("Dialer").RequireAuthorization(Roles.AnyRole).ProducesAuthProblems();
        dnc.MapPost("/", AddDoNotCall).WithName("AddDoNotCall").WithSummary("Put a number on the do-not-call list (any role: the customer asked)").ProducesProblems(bad);
        dnc.MapGet("/{phone}", GetDoNotCall).WithName("GetDoNotCall").WithSummary("Whether a number is blocked, why, since when").ProducesProblems(bad, missing);
        dnc.MapDelete("/{phone}", RemoveDoNotCall).RequireAuthorization(Roles.SupervisorOrAdmin).WithName("RemoveDoNotCall")
            .WithSummary("Take a number off the list (supervisor, admin)").ProducesProblems(bad, missing);
        return app;
    }

    public static async Task<Ok<LeadImportResult>> ImportLeads(string campaignId, HttpRequest http, IGrainFactory grains, IOptions<JsonOptions> json)
    {
        PathId("campaignId", campaignId);
        var campaign = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync() ?? throw DomainException.NotFound("Campaign", campaignId);
        var rows = await ReadLeadsAsync(http, json.Value.SerializerOptions);
        var known = await LookUpNamedAsync(rows, grains, http.HttpContext.RequestAborted);
        var checkedLeads = LeadImport.Check(rows, campaign.Value.TimeZone!, known);
        var numbered = new List<(int Row, Domain.Calls.Lead Lead)>(checkedLeads.Accepted.Count);
        var refused = checkedLeads.Refused.Select(r => r.Row).ToHashSet();
        var accepted = 0;
        for (var row = 1; row <= rows.Count && accepted < checkedLeads.Accepted.Count; row++)
        {
            if (!refused.Contains(row))
            {
                numbered.Add((row, checkedLeads.Accepted[accepted++]));
            }
        }

        // In chunks: each dialer call stays well inside the grain call timeout, however busy the storage is.
        var dialer = grains.GetGrain<IDialerGrain>(campaignId);
        var count = 0;
        var already = new List<int>();
        foreach (var chunk in numbered.Chunk(ImportChunk))
        {
            var imported = await dialer.ImportAsync(chunk);
            count += imported.Imported;
            already.AddRange(imported.AlreadyInCampaign);
        }

        return TypedResults.Ok(new LeadImportResult(rows.Count, count, checkedLeads.Refused.Select(LeadRowError.From).ToList(), already));
    }

    public static async Task<Results<Ok<DialerHandOutView>, NoContent>> Next(
        string campaignId, DialerNextBody? body, IGrainFactory grains, ClaimsPrincipal user, CrmClock clock)
    {
        var agent = user.AgentFor(body?.AgentId);
        var handOut = await grains.GetGrain<IDialerGrain>(PathId("campaignId", campaignId)).NextAsync(agent);
        return handOut is null ? TypedResults.NoContent() : TypedResults.Ok(View(handOut, clock.GetUtcNow()));
    }

    public static async Task<Ok<DialerStats>> Stats(string campaignId, IGrainFactory grains) =>
        TypedResults.Ok(DialerStats.From(await grains.GetGrain<IDialerGrain>(PathId("campaignId", campaignId)).StatsAsync()));

    public static async Task<NoContent> Reload(string campaignId, IGrainFactory grains)
    {
        await grains.GetGrain<IDialerGrain>(PathId("campaignId", campaignId)).ReloadAsync();
        return TypedResults.NoContent();
    }

    public static async Task<Created<BlockedNumber>> AddDoNotCall(DoNotCallBody body, IGrainFactory grains, ClaimsPrincipal user)
    {
        var v = new Validator();
        v.Phone("phone", body.Phone);
        v.Text("note", body.Note, 500);
        v.ThrowIfInvalid();
        var entry = await DoNotCall.List(grains).BlockAsync(body.Phone!, BlockReason.DoNotCall, body.Note, user.UserId());
        return TypedResults.Created($"/api/v1/dnc/{Uri.EscapeDataString(body.Phone!)}", BlockedNumber.From(entry));
    }

    public static async Task<Ok<BlockedNumber>> GetDoNotCall(string phone, IGrainFactory grains) =>
        TypedResults.Ok(BlockedNumber.From(await DoNotCall.List(grains).GetAsync(Phone(phone)) ?? throw DomainException.NotFound("Do-not-call entry", phone)));

    public static async Task<NoContent> RemoveDoNotCall(string phone, IGrainFactory grains) =>
        await DoNotCall.List(grains).UnblockAsync(Phone(phone))
            ? TypedResults.NoContent()
            : throw DomainException.NotFound("Do-not-call entry", phone);

    public static DialerHandOutView View(DialerHandOut handOut, DateTimeOffset now)
    {
        var c = handOut.Contact;
        var contact = new DialerContactView(
            c.ContactId, c.Name, c.Phone, c.Email, c.TimeZone, new LocalTimeView(TimeZones.LocalTime(now, c.TimeZone), c.TimeZone), c.CustomerId, c.OrderNumber, c.Attempts, c.Stage);
        var lease = handOut.Lease;
        return new DialerHandOutView(lease.LeaseId, lease.ExpiresAt, lease.Why, lease.AgentId, c.Attempts + 1, contact);
    }

    private static string Phone(string phone)
    {
        var v = new Validator();
        v.Phone("phone", phone);
        v.ThrowIfInvalid();
        return phone;
    }

    /// <summary>The customers and orders the rows name, as they are now (the orders' customers included); what is not found does not exist.</summary>
    private static async Task<LeadReferences> LookUpNamedAsync(IReadOnlyList<Domain.Calls.Lead?> rows, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (customerIds, orderNumbers) = LeadImport.Named(rows);
        var orders = new ConcurrentDictionary<string, OrderCallingFacts>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            orderNumbers,
            new ParallelOptions { MaxDegreeOfParallelism = LookupParallelism, CancellationToken = cancellationToken },
            async (number, _) =>
            {
                if (await grains.GetGrain<IOrderGrain>(number).GetCallingFactsAsync() is { } facts)
                {
                    orders[number] = facts;
                }
            });

        var customers = new ConcurrentDictionary<string, KnownCustomer>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            customerIds.Union(orders.Values.Select(o => o.CustomerId)),
            new ParallelOptions { MaxDegreeOfParallelism = LookupParallelism, CancellationToken = cancellationToken },
            async (id, _) =>
            {
                if (await grains.GetGrain<ICustomerGrain>(id).GetAsync() is { Profile: var p })
                {
                    customers[id] = new KnownCustomer(id, p.Name, p.Phone, p.Email, p.TimeZone);
                }
            });

        return new LeadReferences(customers, orders);
    }

    private static async Task<IReadOnlyList<Domain.Calls.Lead?>> ReadLeadsAsync(HttpRequest http, JsonSerializerOptions options)
    {
        var type = http.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type == "text/csv")
        {
            using var reader = new StreamReader(http.Body, Encoding.UTF8);
            return LeadImport.ParseCsv(await reader.ReadToEndAsync(http.HttpContext.RequestAborted));
        }

        if (type is not "application/json")
        {
            throw new DomainException(ProblemKind.UnsupportedMediaType, "Not a lead file", "Send leads as a JSON array (application/json) or as CSV with a header row (text/csv).");
        }

        try
        {
            var leads = await JsonSerializer.DeserializeAsync<List<Lead?>>(http.Body, options, http.HttpContext.RequestAborted);
            return leads?.Select(l => l?.ToDomain()).ToList()
                ?? throw DomainException.Invalid(new Dictionary<string, string[]> { ["body"] = ["is required: a JSON array of leads."] });
        }
        catch (JsonException e)
        {
            var (field, message) = Problems.CrmExceptionHandler.Describe(e);
            throw DomainException.Invalid(new Dictionary<string, string[]> { [field] = [message] });
        }
    }
}
