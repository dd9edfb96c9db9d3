using System.Net.Sockets;
using System.Text;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// Requests Kestrel refuses before any routing, on a real socket (the in-memory test server never
/// sees them): each answer is an application/problem+json that says what is wrong.
/// </summary>
public sealed class ServerRejectionTests : IAsyncLifetime
{
    private readonly CrmApiFactory factory = new();
    private int port;

    public ValueTask InitializeAsync()
    {
        port = Ports.Free();
        factory.UseKestrel(port);
        factory.StartServer();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Theory]
    [InlineData("/api/v1/customers/a%00b", 400)]
    [InlineData("/api/v1/orders?q=a%00b", 400)]
    public async Task A_NUL_in_the_request_line_is_a_400_problem_not_an_empty_answer(string target, int status)
    {
        var (head, body) = await SendAsync($"GET {target} HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {CrmApiFactory.AdminKey}\r\nConnection: close\r\n\r\n");

        AssertProblem(head, body, status);
    }

    [Fact]
    public async Task A_request_line_over_8_KB_is_a_414_problem()
    {
        var (head, body) = await SendAsync($"GET /api/v1/customers/{new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\n\r\n");

        AssertProblem(head, body, 414);
        Assert.Contains("8 KB", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_over_32_KB_are_a_431_problem()
    {
        var (head, body) = await SendAsync($"GET /api/v1/customers HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('a', 40_000)}\r\n\r\n");

        AssertProblem(head, body, 431);
    }

    [Fact]
    public async Task A_malformed_header_line_is_a_400_problem()
    {
        var (head, body) = await SendAsync("GET /api/v1/customers HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n");

        AssertProblem(head, body, 400);
    }

    [Fact]
    public async Task An_ordinary_answer_passes_through_the_connection_filter_unchanged()
    {
        var (head, body) = await SendAsync($"GET /api/v1/customers/nobody-here HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: {CrmApiFactory.AdminKey}\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 404", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
        Assert.Contains("nobody-here", body, StringComparison.Ordinal);
    }

    private static void AssertProblem(string head, string body, int status)
    {
        Assert.StartsWith($"HTTP/1.1 {status} ", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
        Assert.Contains($"\"status\":{status}", body, StringComparison.Ordinal);
        Assert.Contains("\"detail\":", body, StringComparison.Ordinal);
    }

    /// <summary>Sends raw bytes and reads until the server closes the connection.</summary>
    private async Task<(string Head, string Body)> SendAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return split < 0 ? (text, "") : (text[..split], text[(split + 4)..]);
    }
}
