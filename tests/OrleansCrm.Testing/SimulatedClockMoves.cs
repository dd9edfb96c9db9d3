using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansCrm.Testing;

/// <summary>
/// Moves the shared simulated clock for one test while other tests move it too.
/// </summary>
/// <remarks>
/// Reading the clock first and skipping the move when it already stands past the target is a race:
/// the clock shows each due instant while another test's move is still running the work due there.
/// The service runs one move at a time, so asking for the move always and taking "the clock is already
/// past" (409) as done is exact: that answer comes only after every earlier move has finished.
/// </remarks>
public static class SimulatedClockMoves
{
    public static async Task MoveToAtLeastAsync(HttpClient admin, DateTimeOffset target)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/test-clock/advance", new { to = target });
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            var now = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/test-clock")).GetProperty("now").GetDateTimeOffset();
            if (now >= target)
            {
                return;
            }
        }

        throw new HttpRequestException($"Moving the simulated clock to {target:O} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
