using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansCrm.Contracts.Ports;
using OrleansCrm.Domain.Messaging.Sms;

namespace OrleansCrm.Infrastructure.Messaging.Sms;

/// <summary>
/// Sends through the HTTP SMS gateway (the README's contract): <c>POST messages</c> with the outbox's client message id,
/// so a repeat is one message to the gateway. The HTTP client's resilience handler retries 429, 5xx and timeouts a few
/// times with backoff; what is left is sorted here: 408, 429 and 5xx are transient (the outbox retries later), any other
/// 4xx is permanent, and the gateway's opt-out codes say the number opted out.
/// </summary>
public sealed partial class SmsGatewayTransport(HttpClient http, SmsSettings settings, ILogger<SmsGatewayTransport> logger) : ISmsTransport
{
    public async Task<string> SendAsync(SmsDispatch sms, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sms);
        using var request = new HttpRequestMessage(HttpMethod.Post, "messages")
        {
            Content = JsonContent.Create(new GatewayMessageRequest(sms.ClientMessageId, sms.From ?? settings.Sender, sms.To, sms.Text), options: Json),
        };
        Authorize(request);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            throw new SmsTransportException($"The SMS gateway could not be reached: {ex.Message}", isPermanent: false, isOptOut: false, ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                var accepted = await response.Content.ReadFromJsonAsync<GatewayMessageResponse>(Json, ct);
                if (string.IsNullOrWhiteSpace(accepted?.Id))
                {
                    throw new SmsTransportException("The SMS gateway accepted the message but named no id for it.", isPermanent: false);
                }

                LogAccepted(sms.ClientMessageId, accepted.Id);
                return accepted.Id;
            }

            var error = await ErrorAsync(response, ct);
            var status = (int)response.StatusCode;
            var transient = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500;
            throw new SmsTransportException(
                $"The SMS gateway answered {status}{(error?.Code is { } code ? " " + code : "")}: {error?.Message ?? response.ReasonPhrase}",
                isPermanent: !transient,
                isOptOut: !transient && SmsGatewayCodes.IsOptOut(error?.Code));
        }
    }

    /// <summary>What the gateway knows about one of its messages (<c>GET messages/{id}</c>); null when it knows none by that id.</summary>
    public async Task<GatewayMessageResponse?> GetStatusAsync(string gatewayId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "messages/" + Uri.EscapeDataString(gatewayId));
        Authorize(request);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<GatewayMessageResponse>(Json, ct);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private void Authorize(HttpRequestMessage request)
    {
        if (settings.ApiKey is { } key)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
    }

    private static async Task<GatewayErrorDetail?> ErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<GatewayError>(Json, ct))?.Error;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The SMS gateway accepted {ClientMessageId} as {GatewayId}")]
    private partial void LogAccepted(string clientMessageId, string gatewayId);
}
