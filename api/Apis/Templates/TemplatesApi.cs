using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCrm.Api.Auth;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging.Sms;
using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Api.Apis;

/// <summary>A campaign's email and SMS templates, their preview, and the catalog of triggers and variables.</summary>
public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/campaigns/{campaignId}/templates").WithTags("Message templates").RequireAuthorization(Roles.AdminOnly).ProducesAuthProblems();

        admin.MapPut("/{templateId}", PutTemplate)
            .WithName("PutMessageTemplate")
            .WithSummary("Create or replace an email or SMS template: trigger, constraints, recipients, subject, body; each save is one version more")
            .WithDescription("Variables are {$name}, dotted paths such as {$customer.name}, and instants with a named format such as {$booking.start:long}; the variables each trigger offers are listed by GET /api/v1/message-triggers. A variable the trigger does not offer, malformed or scripted HTML, an SMS over 10 segments, a number that is not E.164 or attachments over 512 KiB are refused (400 naming the field and where) and nothing is stored.")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        admin.MapDelete("/{templateId}", DeleteTemplate)
            .WithName("DeleteMessageTemplate")
            .WithSummary("Remove a template (its version number is not reused if it is created again)")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        var anyone = app.MapGroup("/api/v1/campaigns/{campaignId}/templates").WithTags("Message templates").RequireAuthorization(Roles.AnyRole).ProducesAuthProblems();

        anyone.MapGet("", ListTemplates)
            .WithName("ListMessageTemplates")
            .WithSummary("The campaign's templates, by id")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        anyone.MapGet("/{templateId}", GetTemplate)
            .WithName("GetMessageTemplate")
            .WithSummary("A template with its version")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        anyone.MapPost("/{templateId}/preview", PreviewTemplate)
            .WithName("PreviewMessageTemplate")
            .WithSummary("Render a template against an order, a booking or a call (a call as its reader may read it: an agent sees a colleague's call once it is confirmed) or the trigger's sample data: subject, HTML and text, recipients, and for SMS the encoding, segments and the character that forced UCS-2")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        app.MapGroup("/api/v1/message-triggers").WithTags("Message templates").RequireAuthorization(Roles.AnyRole).ProducesAuthProblems()
            .MapGet("", GetTriggers)
            .WithName("GetMessageTriggers")
            .WithSummary("The fixed triggers a template may name, the variables each offers, the fields its constraints may test, the formats of instants and the recipient fields");

        return app;
    }

    public static async Task<Results<Created<MessageTemplateResponse>, Ok<MessageTemplateResponse>>> PutTemplate(string campaignId, string templateId, MessageTemplate template, IGrainFactory grains)
    {
        EndpointConventions.PathId("templateId", templateId);
        var store = await TemplatesOf(campaignId, grains);
        var domain = template.ToDomain();
        var stored = await store.PutAsync(templateId, domain);
        if (BookingMessages.PlansReminders(stored.Value))
        {
            // The campaign's bookings made before this save get its reminder too, each agent planning its own: recorded
            // here and carried to every agent by the version's own grain, asked again until each has planned.
            await grains.GetGrain<IReminderReplanGrain>(ReminderReplanKeys.Of(campaignId, templateId, stored.Version)).StartAsync(stored, campaignId);
        }

        var body = MessageTemplateResponse.From(campaignId, stored);
        return stored.Created ? TypedResults.Created($"/api/v1/campaigns/{campaignId}/templates/{templateId}", body) : TypedResults.Ok(body);
    }

    public static async Task<Ok<MessageTemplateResponse>> GetTemplate(string campaignId, string templateId, IGrainFactory grains) =>
        TypedResults.Ok(MessageTemplateResponse.From(campaignId, await LoadAsync(campaignId, templateId, grains)));

    public static async Task<Ok<IReadOnlyList<MessageTemplateResponse>>> ListTemplates(string campaignId, IGrainFactory grains)
    {
        var all = await (await TemplatesOf(campaignId, grains)).ListAsync();
        return TypedResults.Ok<IReadOnlyList<MessageTemplateResponse>>([.. all.Select(t => MessageTemplateResponse.From(campaignId, t))]);
    }

    public static async Task<NoContent> DeleteTemplate(string campaignId, string templateId, IGrainFactory grains)
    {
        EndpointConventions.PathId("templateId", templateId);
        var removed = await (await TemplatesOf(campaignId, grains)).DeleteAsync(templateId);
        return removed ? TypedResults.NoContent() : throw DomainException.NotFound("Template", templateId);
    }

    public static Ok<MessageTriggerCatalog> GetTriggers() => TypedResults.Ok(MessageTriggerCatalog.Current);

    public static async Task<Ok<TemplatePreview>> PreviewTemplate(string campaignId, string templateId, TemplatePreviewRequest? request, IGrainFactory grains, ClaimsPrincipal user)
    {
        var stored = await LoadAsync(campaignId, templateId, grains);
        var template = stored.Value;
        var (source, facts) = await FactsAsync(campaignId, template, request ?? new TemplatePreviewRequest(null, null, null), grains, user.Actor());
        var message = TemplateRenderer.Render(template, facts);
        SmsCost? sms = null;
        if (template.Channel == MessageChannels.Sms)
        {
            var count = SmsSegments.Count(message.Text);
            sms = new SmsCost(count.Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2", count.Units, count.Segments, count.ForcedUcs2By, count.ForcedUcs2By is null ? null : count.ForcedUcs2At);
        }

        return TypedResults.Ok(new TemplatePreview(templateId, stored.Version, template.Channel!, source, message.Subject, message.Html, message.Text, message.Recipients, message.MissingVariables, message.SkippedReason, sms));
    }

    /// <summary>The facts a preview renders; a call is read as its reader may read it (an agent sees a colleague's call once it is confirmed).</summary>
    private static async Task<(string Source, MessageFacts Facts)> FactsAsync(
        string campaignId, Domain.Messaging.Templates.MessageTemplate template, TemplatePreviewRequest request, IGrainFactory grains, Actor by)
    {
        var v = new Validator();
        v.Id("orderNumber", request.OrderNumber, required: false);
        v.Id("bookingId", request.BookingId, required: false);
        v.Id("callId", request.CallId, required: false);
        v.Id("outcomeCode", request.OutcomeCode, required: false);
        if (request.OutcomeCode is not null && request.CallId is null)
        {
            v.Add("outcomeCode", "is only for a preview against a call (callId).");
        }
        if (new[] { request.OrderNumber, request.BookingId, request.CallId }.Count(s => s is not null) > 1)
        {
            v.Add("orderNumber", "give at most one of orderNumber, bookingId and callId.");
        }

        v.ThrowIfInvalid();
        if (request.OrderNumber is null && request.BookingId is null && request.CallId is null)
        {
            return ("sample", SampleData.For(template.TriggerDefinition));
        }

        var campaign = (await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync())?.Value;
        var facts = new MessageFactsBuilder().Campaign(campaignId, campaign?.Name);
        string source;
        if (request.OrderNumber is { } number)
        {
            var order = await grains.GetGrain<IOrderGrain>(number).GetAsync() ?? throw DomainException.NotFound("Order", number);
            facts.Order(order);
            await CustomerAsync(facts, order.Customer.Id, grains);
            source = "order";
        }
        else if (request.BookingId is { } bookingId)
        {
            var agentId = BookingIds.AgentOf(bookingId) ?? throw DomainException.NotFound("Booking", bookingId);
            var agent = grains.GetGrain<IAgentGrain>(agentId);
            var booking = await agent.GetBookingAsync(bookingId) ?? throw DomainException.NotFound("Booking", bookingId);
            facts.Booking(booking).Agent(booking.AgentId, await agent.GetProfileAsync());
            if (booking.CustomerId is { } customerId)
            {
                await CustomerAsync(facts, customerId, grains);
            }

            source = "booking";
        }
        else
        {
            var callId = request.CallId!;
            var call = await grains.GetGrain<ICallGrain>(callId).SeeAsync(by);
            facts.Call(call).Agent(call.AgentId, await grains.GetGrain<IAgentGrain>(call.AgentId).GetProfileAsync());
            if (call.CustomerId is { } customerId)
            {
                await CustomerAsync(facts, customerId, grains);
            }

            if (request.OutcomeCode is { } code)
            {
                var catalog = call.CampaignId == campaignId ? campaign : (await grains.GetGrain<ICampaignGrain>(call.CampaignId).GetAsync())?.Value;
                var outcome = catalog?.Outcomes?.FirstOrDefault(o => o.Code == code)
                    ?? throw DomainException.Invalid(new Dictionary<string, string[]> { ["outcomeCode"] = [$"'{Validator.Shorten(code)}' is not an outcome of campaign '{call.CampaignId}'."] });
                facts.Outcome(outcome, null, null, call.Attempt);
            }

            source = "call";
        }

        return (source, facts.Build());
    }

    /// <summary>The customer's country and personal manager, when the customer is on file.</summary>
    private static async Task CustomerAsync(MessageFactsBuilder facts, string customerId, IGrainFactory grains)
    {
        if (await grains.GetGrain<ICustomerGrain>(customerId).GetAsync() is not { } customer)
        {
            return;
        }

        facts.Customer(customer);
        if (customer.Profile.PersonalManager is { } manager)
        {
            facts.Manager(await grains.GetGrain<IAgentGrain>(manager).GetProfileAsync());
        }
    }

    private static async Task<Stored<Domain.Messaging.Templates.MessageTemplate>> LoadAsync(string campaignId, string templateId, IGrainFactory grains)
    {
        EndpointConventions.PathId("templateId", templateId);
        return await (await TemplatesOf(campaignId, grains)).GetAsync(templateId) ?? throw DomainException.NotFound("Template", templateId);
    }

    /// <summary>The campaign's template store; an unknown campaign is a 404.</summary>
    private static async Task<IMessageTemplatesGrain> TemplatesOf(string campaignId, IGrainFactory grains)
    {
        EndpointConventions.PathId("campaignId", campaignId);
        _ = await grains.GetGrain<ICampaignGrain>(campaignId).GetAsync() ?? throw DomainException.NotFound("Campaign", campaignId);
        return grains.GetGrain<IMessageTemplatesGrain>(campaignId);
    }
}
