using System.Text.Json;
using OrleansCrm.Contracts.Messaging;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Api.Edge;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;
using OrleansCrm.Infrastructure.Messaging.Sms;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// What the SMS gateway posts to the CRM: delivery reports and the SMS customers send back. Anonymous (the gateway has
/// no API key), but each request must carry the gateway's signature over its raw body and a fresh timestamp
/// (<see cref="SmsWebhookSignature"/>): a missing or bad signature, or a stale timestamp, is a 401 and changes nothing.
/// </summary>
public static class SmsWebhooksApi
{
    /// <summary>The largest body a webhook reads; a gateway's report is a few hundred bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapSmsWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/sms").WithTags("Messages").AllowAnonymous();

        api.MapPost("/delivery-reports", ReceiveDeliveryReport)
            .WithName("ReceiveSmsDeliveryReport")
            .WithSummary("Anonymous, signed by the gateway (X-Sms-Timestamp, X-Sms-Signature): a delivery report moves the message's status forward only; duplicated and late reports change nothing")
            .Accepts<DeliveryReportBody>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/inbound", ReceiveInboundSms)
            .WithName("ReceiveInboundSms")
            .WithSummary("Anonymous, signed by the gateway: an SMS from a customer. STOP, UNSUBSCRIBE, ARRET or BASTA put the number on the SMS opt-out list, START lifts it")
            .Accepts<InboundSmsBody>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    public static async Task<IResult> ReceiveDeliveryReport(HttpContext http, SmsSettings settings, [FromKeyedServices(EdgeClock.Key)] TimeProvider realTime, ISmsOutbox outbox)
    {
        if (await SignedBodyAsync<DeliveryReportBody>(http, settings, realTime) is not { } report)
        {
            return Unauthorized();
        }

        var v = new Validator();
        v.Id("clientMessageId", report.ClientMessageId);
        var status = report.Status?.Trim().ToLowerInvariant() switch
        {
            "sent" or "accepted" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "undeliverable" or "failed" or "rejected" or "expired" => DeliveryStatus.Undeliverable,
            _ => (DeliveryStatus?)null,
        };
        if (status is null)
        {
            v.Add("status", "must be one of sent, accepted, delivered, undeliverable, failed, rejected, expired.");
        }

        v.Text("errorCode", report.ErrorCode, Validator.IdMaxLength);
        v.ThrowIfInvalid();

        // A report for no message of ours is acknowledged all the same: the gateway need not send it again.
        await outbox.ReportAsync(report.ClientMessageId!, status!.Value, report.ErrorCode);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> ReceiveInboundSms(HttpContext http, SmsSettings settings, [FromKeyedServices(EdgeClock.Key)] TimeProvider realTime, IGrainFactory grains)
    {
        if (await SignedBodyAsync<InboundSmsBody>(http, settings, realTime) is not { } sms)
        {
            return Unauthorized();
        }

        var v = new Validator();
        v.Phone("from", sms.From);
        v.Text("text", sms.Text, Validator.TextMaxLength);
        v.ThrowIfInvalid();

        var recipient = grains.GetGrain<ISmsRecipientGrain>(sms.From!);
        switch (OptOutKeywords.OptsOut(sms.Text))
        {
            case true:
                await recipient.OptOutAsync("The customer replied " + sms.Text!.Trim().ToUpperInvariant() + ".");
                break;
            case false:
                await recipient.OptInAsync();
                break;
        }

        return TypedResults.NoContent();
    }

    /// <summary>The body, read raw and checked against its signature before it is parsed; null when the signature does not hold.</summary>
    private static async Task<T?> SignedBodyAsync<T>(HttpContext http, SmsSettings settings, TimeProvider realTime)
        where T : class
    {
        var body = await RawBodyAsync(http.Request);
        if (!SmsWebhookSignature.IsValid(
                settings.WebhookSecret,
                http.Request.Headers[SmsWebhookSignature.TimestampHeader],
                http.Request.Headers[SmsWebhookSignature.SignatureHeader],
                body,
                realTime.GetUtcNow()))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, JsonSerializerOptions.Web)
                ?? throw new DomainException(ProblemKind.Validation, "Invalid request", "The body must be a JSON object.");
        }
        catch (JsonException)
        {
            var v = new Validator();
            v.Add("body", "must be a JSON object.");
            v.ThrowIfInvalid();
            throw;
        }
    }

    private static async Task<byte[]> RawBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                var v = new Validator();
                v.Add("body", $"must be at most {MaxBodyBytes} bytes.");
                v.ThrowIfInvalid();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IResult Unauthorized() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Signature required",
            detail: $"The request must carry the gateway's {SmsWebhookSignature.SignatureHeader} over its body and a fresh {SmsWebhookSignature.TimestampHeader}.");
}
