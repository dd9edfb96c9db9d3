using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansCrm.Infrastructure.Messaging.Sms;

namespace OrleansCrm.Testing;

/// <summary>
/// A real HTTP SMS gateway for tests, on Kestrel at 127.0.0.1 on a free port, speaking the README's gateway contract:
/// <c>POST /messages</c> (idempotent by client message id), <c>GET /messages/{id}</c>. It records what it received
/// (count per client message id), answers a given status N times on demand (429, 503), refuses numbers opted out at the
/// gateway, and posts signed delivery reports and inbound SMS to the CRM, duplicated or out of order as a test asks.
/// </summary>
public sealed class SmsGatewaySink : IAsyncDisposable
{
    public const string ApiKey = "test-gateway-key";
    public const string WebhookSecret = "test-webhook-secret-0123456789";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedSms> received = new();
    private readonly ConcurrentDictionary<string, string> accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> optedOut = new(StringComparer.Ordinal);
    private readonly Lock failing = new();
    private int failuresLeft;
    private int failureStatus;

    private SmsGatewaySink(WebApplication app)
    {
        this.app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<ReceivedSms> Received => [.. received];

    /// <summary>Starts the gateway on a free port of <paramref name="listenOn"/> (127.0.0.1 unless a test needs it reached from another network namespace).</summary>
    public static async Task<SmsGatewaySink> StartAsync(IPAddress? listenOn = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(listenOn ?? IPAddress.Loopback, 0));
        var app = builder.Build();
        var sink = new SmsGatewaySink(app);
        app.MapPost("/messages", sink.SendAsync);
        app.MapGet("/messages/{id}", sink.Status);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return sink;
    }

    /// <summary>The next <paramref name="times"/> sends are answered <paramref name="status"/> (and not accepted).</summary>
    public void FailNext(int times, HttpStatusCode status)
    {
        lock (failing)
        {
            (failuresLeft, failureStatus) = (times, (int)status);
        }
    }

    /// <summary>The gateway refuses this number from now on with its opt-out error code.</summary>
    public void OptOutAtGateway(string phone) => optedOut[phone] = 0;

    /// <summary>How many requests named this client message id.</summary>
    public int RequestsFor(string clientMessageId) => received.Count(r => r.ClientMessageId == clientMessageId);

    /// <summary>How many of them the gateway accepted as a message to send (a repeat of an accepted id is the same message).</summary>
    public int MessagesFor(string clientMessageId) => accepted.ContainsKey(clientMessageId) ? 1 : 0;

    /// <summary>How many times the gateway answered a send of this id with success (202, first or repeated).</summary>
    public int AcceptancesFor(string clientMessageId) => received.Count(r => r.ClientMessageId == clientMessageId && r.AnsweredWith == StatusCodes.Status202Accepted);

    public string? GatewayIdFor(string clientMessageId) => accepted.GetValueOrDefault(clientMessageId);

    /// <summary>The gateway's own clock: real time, whatever business time the CRM's simulated clock shows.</summary>
    public static DateTimeOffset RealNow => TimeProvider.System.GetUtcNow();

    /// <summary>Posts a delivery report for the message to the CRM, signed with the webhook secret at <paramref name="now"/>.</summary>
    public Task<HttpResponseMessage> ReportAsync(HttpClient crm, string clientMessageId, string status, DateTimeOffset now, string? errorCode = null, string secret = WebhookSecret) =>
        PostSignedAsync(crm, "/api/v1/sms/delivery-reports", new { id = GatewayIdFor(clientMessageId), clientMessageId, status, errorCode }, now, secret);

    /// <summary>Posts an SMS a customer sent to the CRM, signed with the webhook secret at <paramref name="now"/>.</summary>
    public Task<HttpResponseMessage> InboundAsync(HttpClient crm, string from, string text, DateTimeOffset now, string secret = WebhookSecret) =>
        PostSignedAsync(crm, "/api/v1/sms/inbound", new { from, to = "OrleansCrm", text }, now, secret);

    public static async Task<HttpResponseMessage> PostSignedAsync(HttpClient crm, string path, object body, DateTimeOffset now, string secret)
    {
        ArgumentNullException.ThrowIfNull(crm);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, Json);
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(SmsWebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SmsWebhookSignature.SignatureHeader, SmsWebhookSignature.Sign(secret, timestamp, bytes));
        return await crm.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> SendAsync(HttpRequest request)
    {
        var body = await request.ReadFromJsonAsync<SendBody>(Json) ?? new SendBody(null, null, null, null);
        var id = body.ClientMessageId ?? "";
        int answer;
        lock (failing)
        {
            answer = failuresLeft > 0 ? failureStatus : StatusCodes.Status202Accepted;
            failuresLeft = Math.Max(0, failuresLeft - 1);
        }

        if (answer == StatusCodes.Status202Accepted && body.To is { } to && optedOut.ContainsKey(to))
        {
            answer = StatusCodes.Status400BadRequest;
        }

        received.Enqueue(new ReceivedSms(id, body.From ?? "", body.To ?? "", body.Text ?? "", request.Headers.Authorization.ToString(), answer));
        if (answer == StatusCodes.Status400BadRequest)
        {
            return Results.Json(new { error = new { code = "recipient_opted_out", message = "The recipient replied STOP to this sender." } }, statusCode: answer);
        }

        if (answer != StatusCodes.Status202Accepted)
        {
            return Results.Json(new { error = new { code = "unavailable", message = "Try again later." } }, statusCode: answer);
        }

        var gatewayId = accepted.GetOrAdd(id, _ => "gw_" + Convert.ToHexStringLower(Encoding.UTF8.GetBytes(id))[..Math.Min(24, id.Length * 2)] + "_" + accepted.Count.ToString(CultureInfo.InvariantCulture));
        return Results.Json(new { id = gatewayId, clientMessageId = id, status = "accepted" }, statusCode: StatusCodes.Status202Accepted);
    }

    private IResult Status(string id)
    {
        var clientId = accepted.FirstOrDefault(a => a.Value == id).Key;
        return clientId is null ? Results.NotFound() : Results.Json(new { id, clientMessageId = clientId, status = "accepted", errorCode = (string?)null });
    }

    private sealed record SendBody(string? ClientMessageId, string? From, string? To, string? Text);
}
