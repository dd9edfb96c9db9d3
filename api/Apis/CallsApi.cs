using OrleansCrm.Domain.Shop;
using OrleansCrm.Contracts.Scheduling;
using OrleansCrm.Contracts.Ports;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansCrm.Api.Auth;
using OrleansCrm.Api.Edge;
using OrleansCrm.Contracts;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Common;
using static OrleansCrm.Api.Apis.EndpointConventions;

namespace OrleansCrm.Api.Apis;

public static class CallsApi
{
    public static IEndpointRouteBuilder MapCallsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/calls").WithTags("Calls").RequireAuthorization(Roles.AnyRole).ProducesAuthProblems();
        const int bad = StatusCodes.Status400BadRequest, missing = StatusCodes.Status404NotFound, conflict = StatusCodes.Status409Conflict;

        api.MapPost("/", Start).WithName("StartCall")
            .WithSummary("Start a call attempt: { campaignId, leaseId } from dialer/next, or { campaignId, contactId | customerId, orderNumber?, taskId? } directly. Agents call as themselves; supervisors and admins name agentId.")
            .ProducesProblems(bad, conflict);
        api.MapGet("/{callId}", Get).WithName("GetCall").WithSummary("The call: agent, contact, times, attempt, draft (while open), outcome").ProducesProblems(bad, missing);
        api.MapPut("/{callId}/draft", SaveDraft).WithName("SaveCallDraft")
            .WithSummary("Replace the draft: notes, cart, appointment slot (held for this call), linked order id, message to the customer").ProducesProblems(bad, missing, conflict);
        api.MapPut("/{callId}/recording", UploadRecording).WithName("UploadCallRecording")
            .WithSummary("Upload the conversation recording as the raw body (audio/mpeg, audio/wav, audio/ogg, audio/webm, audio/mp4); size-capped")
            .Accepts<IFormFile>("audio/mpeg", "audio/wav", "audio/ogg", "audio/webm", "audio/mp4")
            .AcceptsUpload(BodyKind.Recording)
            .ProducesProblems(bad, missing, conflict, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/{callId}/recording", DownloadRecording).WithName("DownloadCallRecording").WithSummary("The recording's bytes").ProducesProblems(bad, missing);
        api.MapPost("/{callId}/outcome", ConfirmOutcome).WithName("ConfirmCallOutcome")
            .WithSummary("Confirm the outcome: code, comment, callbackAt + callbackVisibility (R), invoice new|replace (completed). Commits the draft.")
            .ProducesProblems(bad, missing, conflict);
        api.MapPost("/{callId}/discard", Discard).WithName("DiscardCall")
            .WithSummary("STOP/CLOSE: nothing of the draft is kept; the contact goes back to the queue, a held slot is freed").ProducesProblems(bad, missing, conflict);
        api.MapPut("/{callId}/linked-order", LinkOrder).WithName("SetCallLinkedOrder")
            .WithSummary("The web-shop order id of the call (pending validation); only the call's author or an admin").ProducesProblems(bad, missing, conflict);

        var contracts = app.MapGroup("/api/v1/contracts").WithTags("Calls").RequireAuthorization(Roles.AnyRole).ProducesAuthProblems();
        contracts.MapGet("/{protocolNumber}", GetContract)
            .WithName("GetContract").WithSummary("Back office view of a close-online contract").ProducesProblems(bad, missing);
        return app;
    }

    public static async Task<Created<CallAttempt>> Start(StartCallBody body, IGrainFactory grains, ClaimsPrincipal user)
    {
        var agent = user.AgentFor(body.AgentId);
        var callId = LetterIds.New("call");
        var request = new StartCall(agent, body.LeaseId, body.CampaignId, body.ContactId, body.CustomerId, body.OrderNumber, body.TaskId, body.Direction == CallDirection.Inbound);
        var call = await grains.GetGrain<ICallGrain>(callId).StartAsync(request, user.Actor());
        return TypedResults.Created($"/api/v1/calls/{callId}", CallAttempt.From(call));
    }

    public static async Task<Ok<CallAttempt>> Get(string callId, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(CallAttempt.From(await Call(callId, grains).SeeAsync(user.Actor())));

    public static async Task<Ok<CallAttempt>> SaveDraft(string callId, CallDraft body, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(CallAttempt.From(await Call(callId, grains).SaveDraftAsync(body.ToCommand(), user.Actor())));

    public static async Task<Ok<CallAttempt>> UploadRecording(
        string callId, HttpRequest http, IGrainFactory grains, ClaimsPrincipal user, IRecordingStore recordings, CrmClock clock, IOptions<CallOptions> options)
    {
        var call = Call(callId, grains);
        var contentType = RecordingFormats.CheckContentType(http.ContentType);
        var max = options.Value.MaxRecordingBytes;
        if (http.ContentLength > max)
        {
            throw TooLarge(max);
        }

        await call.CheckCanRecordAsync(user.Actor());

        // Never more than the cap is held: the server stops the body there (the route's limit) and so does this loop.
        using var buffer = new MemoryStream(http.ContentLength is { } length ? (int)Math.Min(length, int.MaxValue) : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, http.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw TooLarge(max);
            }

            buffer.Write(chunk, 0, read);
        }

        var content = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        RecordingFormats.CheckContent(contentType, content.Span);
        var info = await recordings.SaveAsync(callId, contentType, content, clock.GetUtcNow(), http.HttpContext.RequestAborted);
        try
        {
            return TypedResults.Ok(CallAttempt.From(await call.AttachRecordingAsync(new Domain.Calls.CallRecording(info.ContentType, info.Size, info.Sha256, info.StoredAt), user.Actor())));
        }
        catch (DomainException)
        {
            // The call ended while the bytes were uploading: nothing of it is kept.
            await recordings.DeleteAsync(callId);
            throw;
        }
    }

    public static async Task<FileContentHttpResult> DownloadRecording(string callId, IGrainFactory grains, IRecordingStore recordings, ClaimsPrincipal user)
    {
        var call = await Call(callId, grains).CheckCanHearRecordingAsync(user.Actor());
        if (call.Recording is null || await recordings.GetAsync(callId) is not { } stored)
        {
            throw DomainException.NotFound("Recording", callId);
        }

        return TypedResults.File(stored.Content, stored.Info.ContentType);
    }

    public static async Task<Ok<CallAttempt>> ConfirmOutcome(string callId, OutcomeRequest body, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(CallAttempt.From(await Call(callId, grains).ConfirmOutcomeAsync(body.ToCommand(), user.Actor())));

    public static async Task<Ok<CallAttempt>> Discard(string callId, IGrainFactory grains, ClaimsPrincipal user) =>
        TypedResults.Ok(CallAttempt.From(await Call(callId, grains).DiscardAsync(user.Actor())));

    /// <summary>The store and the increment id are checked against the configured stores here, at the edge: the call stores what was checked.</summary>
    public static async Task<Ok<CallAttempt>> LinkOrder(string callId, LinkedOrderBody body, IGrainFactory grains, ShopStores stores, ClaimsPrincipal user)
    {
        var v = new Validator();
        var order = stores.Check(v, body.StoreCode, body.OrderId, "storeCode", "orderId");
        v.ThrowIfInvalid();
        return TypedResults.Ok(CallAttempt.From(await Call(callId, grains).LinkOrderInStoreAsync(order!.Value.StoreCode, order.Value.IncrementId, user.Actor())));
    }

    public static async Task<Ok<Contract>> GetContract(string protocolNumber, IGrainFactory grains) =>
        TypedResults.Ok(Contract.From(await grains.GetGrain<IContractGrain>(PathId("protocolNumber", protocolNumber)).GetAsync()
            ?? throw DomainException.NotFound("Contract", protocolNumber)));

    private static ICallGrain Call(string callId, IGrainFactory grains) => grains.GetGrain<ICallGrain>(PathId("callId", callId));

    private static DomainException TooLarge(long max) =>
        new(ProblemKind.TooLarge, "Recording too large", $"A recording may be at most {max} bytes.");
}
