using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OrleansCrm.Api.Auth;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Common;
using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Api.Apis;

/// <summary>The message log: every email and SMS the outbox recorded, with its content and status history.</summary>
public static class MessagesApi
{
    public static IEndpointRouteBuilder MapMessagesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/messages").WithTags("Messages").RequireAuthorization(Roles.AnyRole).ProducesAuthProblems();

        api.MapGet("/", ListMessages)
            .WithName("ListMessages")
            .WithSummary("The message log, newest first: email and SMS, filtered by customer, order, call, status (Queued, Sent, Delivered, Failed, Undeliverable, Skipped) and channel (email, sms); paged")
            .ProducesProblems(StatusCodes.Status400BadRequest);

        api.MapGet("/{messageId}", GetMessage)
            .WithName("GetMessage")
            .WithSummary("One message: rendered content, recipients, template version, status history")
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        return app;
    }

    public static async Task<Ok<Page<MessageView>>> ListMessages(
        IMessageLog log,
        [FromQuery] string? customerId,
        [FromQuery] string? orderNumber,
        [FromQuery] string? callId,
        [FromQuery] string? status,
        [FromQuery] string? channel,
        [FromQuery] int? skip,
        [FromQuery] int? take,
        CancellationToken cancellationToken)
    {
        var (s, t) = EndpointConventions.Paging(skip, take);
        var v = new Validator();
        v.Id("customerId", customerId, required: false);
        v.Id("orderNumber", orderNumber, required: false);
        v.Id("callId", callId, required: false);
        DeliveryStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<DeliveryStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !status.Any(char.IsDigit))
            {
                wanted = parsed;
            }
            else
            {
                v.Add("status", $"must be one of {string.Join(", ", Enum.GetNames<DeliveryStatus>())}.");
            }
        }

        if (channel is not null && channel is not (MessageLogEntry.Email or MessageLogEntry.Sms))
        {
            v.Add("channel", "must be email or sms.");
        }

        v.ThrowIfInvalid();
        var page = await log.FindAsync(new MessageLogQuery(customerId, orderNumber, callId, wanted, channel, s, t), cancellationToken);
        return TypedResults.Ok(new Page<MessageView>([.. page.Items.Select(MessageView.From)], page.Total, page.Skip, page.Take));
    }

    public static async Task<Ok<MessageView>> GetMessage(string messageId, IMessageLog log, CancellationToken cancellationToken)
    {
        var v = new Validator();
        v.Id("messageId", messageId);
        v.ThrowIfInvalid();
        var entry = await log.GetAsync(messageId, cancellationToken) ?? throw DomainException.NotFound("Message", messageId);
        return TypedResults.Ok(MessageView.From(entry));
    }
}
