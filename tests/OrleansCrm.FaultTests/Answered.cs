using System.Net;
using System.Text.Json;

namespace OrleansCrm.FaultTests;

/// <summary>A request sent until the service answers it (anything but a 5xx, a 429 or no answer), within a bound.</summary>
internal static class Answered
{
    private static int retries;

    /// <summary>How many sends were repeated over the whole run.</summary>
    public static int Retries => Volatile.Read(ref retries);

    /// <summary>The answer's status and body, or status 0 when the bound passed without one.</summary>
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient http, Func<HttpRequestMessage> request, DateTimeOffset giveUpAt)
    {
        var first = true;
        while (DateTimeOffset.UtcNow < giveUpAt)
        {
            if (!first)
            {
                Interlocked.Increment(ref retries);
            }

            first = false;
            try
            {
                using var sent = request();
                using var response = await http.SendAsync(sent);
                if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    var text = await response.Content.ReadAsStringAsync();
                    return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        return (0, default);
    }

    /// <summary>A setup request that must succeed (retried until answered, bounded at 3 minutes); its body.</summary>
    public static async Task<JsonElement> MustAsync(HttpClient http, Func<HttpRequestMessage> request, string what)
    {
        var (status, body) = await SendAsync(http, request, DateTimeOffset.UtcNow.AddMinutes(3));
        return (int)status is >= 200 and < 300 ? body : throw new InvalidOperationException($"{what} answered {(int)status}: {body}");
    }

    /// <summary>
    /// Whether a call read back is confirmed with <paramref name="outcomeCode"/>: a 409 "the call is Confirmed" answers a
    /// retried outcome whose first attempt confirmed it (the API's contract: a confirmed call takes no outcome again).
    /// </summary>
    public static async Task<bool> ConfirmedWithAsync(HttpClient http, string callId, string outcomeCode, DateTimeOffset giveUpAt)
    {
        var (status, call) = await SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/calls/{callId}"), giveUpAt);
        return status == HttpStatusCode.OK && call.GetProperty("status").GetString() == "Confirmed"
            && call.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.Object && outcome.GetProperty("code").GetString() == outcomeCode;
    }

    public static HttpRequestMessage Json(HttpMethod method, string path, object body, string? idempotencyKey = null)
    {
        var message = new HttpRequestMessage(method, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return message;
    }
}
