using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansCrm.Api.Auth;
using OrleansCrm.Contracts;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;
using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// A manual SMS from the customer card. It goes through the SMS outbox like every SMS and checks the opt-out list, but
/// not the quiet hours or the frequency cap of automated SMS: the person sending it chose the moment.
/// </summary>
public static class CustomerSmsApi
{
    /// <summary>The longest a manual SMS may be, in segments.</summary>
    public const int MaxSegments = 10;

    public static IEndpointRouteBuilder MapCustomerSmsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/customers").WithTags("Customers").RequireAuthorization(Roles.AnyRole).ProducesAuthProblems();
        api.MapPost("/{customerId}/sms", SendManualSms)
            .WithName("SendCustomerSms")
            .WithSummary("Send an SMS to the customer's phone (E.164; at most 10 segments; card numbers cut to their last four digits). Checks the opt-out list, not the quiet hours. Honours Idempotency-Key: a retry is the same message")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Accepted<MessageView>> SendManualSms(
        string customerId, ManualSmsBody body, HttpRequest http, ClaimsPrincipal user, IGrainFactory grains, ISmsOutbox outbox, IMessageLog log)
    {
        var v = new Validator();
        v.Id("customerId", customerId);
        if (v.Text("text", body.Text, Validator.TextMaxLength, required: true)
            && SmsSegments.Count(body.Text!) is { Segments: > MaxSegments } count)
        {
            v.Add("text", $"must fit in {MaxSegments} SMS segments; it takes {count.Segments} ({count.Encoding}).");
        }

        v.ThrowIfInvalid();
        var customer = await grains.GetGrain<ICustomerGrain>(customerId).GetAsync() ?? throw DomainException.NotFound("Customer", customerId);
        var phone = new Validator();
        phone.Phone("phone", customer.Profile.Phone);
        phone.ThrowIfInvalid();

        var scope = IdempotencyKeys.Scope(http, user, "customer-sms:" + customerId);
        var key = $"manual-sms:{customerId}:{scope ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        var message = new SmsMessage(
            key,
            customer.Profile.Phone!,
            body.Text!,
            SmsKind.Manual,
            customer.Profile.TimeZone,
            null,
            new MessageContext(customerId, null, null, null));
        var delivery = await outbox.SendAsync(message);
        var entry = await log.GetAsync(delivery.MessageId) ?? throw new InvalidOperationException("The outbox recorded the SMS but the message log has no entry for it.");
        return TypedResults.Accepted($"/api/v1/messages/{delivery.MessageId}", MessageView.From(entry));
    }
}
