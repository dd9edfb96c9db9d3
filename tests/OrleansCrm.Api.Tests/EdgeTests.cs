using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OrleansCrm.Api.Auth;
using OrleansCrm.Api.Edge;
using OrleansCrm.Testing;

namespace OrleansCrm.Api.Tests;

/// <summary>
/// The edge a security reviewer expects (README, "The HTTP edge"): rate limits on unknown keys and on the
/// trial-extension link, the response headers, body limits and the 401 challenge, on a real Kestrel server with
/// small limits and the limiter's windows on fake time.
/// </summary>
public sealed class EdgeTests(EdgeApiFactory api) : IClassFixture<EdgeApiFactory>
{
    private const string UnknownKey = "not-a-key-of-this-crm-at-all";

    [Fact]
    public async Task After_its_allowed_unknown_keys_an_address_gets_429_problems_with_Retry_After_until_its_window_ends()
    {
        var guesser = api.From(EdgeApiFactory.NewAddress(), UnknownKey);
        for (var i = 0; i < EdgeApiFactory.FailedKeyLimit; i++)
        {
            await (await guesser.GetAsync("/api/v1/customers?q=rossi")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        var refused = await guesser.GetAsync("/api/v1/customers?q=rossi");
        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        Assert.Contains("unknown API key", problem.Detail, StringComparison.Ordinal);

        api.EdgeTime.Advance(TimeSpan.FromSeconds(45));
        var later = await guesser.GetAsync("/api/v1/customers?q=rossi");
        await later.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("15", later.Headers.GetValues("Retry-After").Single());
        await (await api.From(EdgeApiFactory.NewAddress(), UnknownKey).GetAsync("/api/v1/customers?q=rossi")).AssertProblemAsync(HttpStatusCode.Unauthorized);

        api.EdgeTime.Advance(TimeSpan.FromSeconds(15));
        await (await guesser.GetAsync("/api/v1/customers?q=rossi")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_guessed_through_the_wallboard_sign_in_spends_the_address_window_and_then_even_a_supervisors_sign_in_is_refused()
    {
        var address = EdgeApiFactory.NewAddress();
        var browser = api.From(address, null);
        for (var i = 0; i < EdgeApiFactory.FailedKeyLimit; i++)
        {
            await (await browser.PostAsJsonAsync("/api/v1/wallboard/sign-in", new { apiKey = UnknownKey })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        }

        await (await browser.PostAsJsonAsync("/api/v1/wallboard/sign-in", new { apiKey = CrmApiFactory.SupervisorKey })).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        await (await api.From(address, UnknownKey).GetAsync("/api/v1/customers?q=rossi")).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await api.From(EdgeApiFactory.NewAddress(), null).PostAsJsonAsync("/api/v1/wallboard/sign-in", new { apiKey = CrmApiFactory.SupervisorKey })).StatusCode);
    }

    [Fact]
    public async Task Valid_keys_spend_nothing_of_the_window_but_once_it_is_spent_every_key_from_the_address_is_refused_so_a_hit_looks_like_a_miss()
    {
        var address = EdgeApiFactory.NewAddress();
        var agent = api.From(address, CrmApiFactory.AgentKey);
        var guesser = api.From(address, UnknownKey);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/customers?q=rossi")).StatusCode);
        }

        for (var i = 0; i < EdgeApiFactory.FailedKeyLimit - 1; i++)
        {
            await (await guesser.GetAsync("/api/v1/customers?q=rossi")).AssertProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/api/v1/customers?q=rossi")).StatusCode);
        }

        // The last unknown key the window allows: from now on the address is refused, whatever key it sends.
        await (await guesser.GetAsync("/api/v1/customers?q=rossi")).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await guesser.GetAsync("/api/v1/customers?q=rossi")).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        await (await agent.GetAsync("/api/v1/customers?q=rossi")).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await api.From(address, null).GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.From(EdgeApiFactory.NewAddress(), CrmApiFactory.AgentKey).GetAsync("/api/v1/customers?q=rossi")).StatusCode);
    }

    [Fact]
    public async Task The_anonymous_trial_extension_link_takes_a_few_requests_per_address_GET_and_POST_then_429_with_Retry_After()
    {
        var customer = api.From(EdgeApiFactory.NewAddress(), null);
        const string link = "/api/v1/trial-extensions/ext_unknowntoken";

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await customer.GetAsync(link)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await customer.PostAsync(link, null)).StatusCode);
        var refused = await customer.PostAsync(link, null);

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("trial-extension", problem.Detail, StringComparison.Ordinal);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) is > 0 and <= 60);
        await (await customer.GetAsync(link)).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await api.From(EdgeApiFactory.NewAddress(), null).PostAsync(link, null)).StatusCode);
    }

    [Fact]
    public async Task A_401_names_the_api_key_scheme_and_its_header_in_WWW_Authenticate()
    {
        foreach (var key in new[] { null, UnknownKey })
        {
            var response = await api.From(EdgeApiFactory.NewAddress(), key).GetAsync("/api/v1/customers?q=rossi");

            await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Equal("ApiKey header=\"X-Api-Key\"", response.Headers.WwwAuthenticate.Single().ToString());
        }
    }

    [Fact]
    public async Task Every_answer_says_nosniff_and_no_store_and_the_server_does_not_name_itself()
    {
        var address = EdgeApiFactory.NewAddress();
        var answers = new[]
        {
            await api.From(address, null).GetAsync("/health/live"),
            await api.From(address, CrmApiFactory.AgentKey).GetAsync("/api/v1/customers?q=rossi"),
            await api.From(address, CrmApiFactory.AgentKey).GetAsync("/api/v1/customers/cust-missing"),
            await api.From(address, null).GetAsync("/api/v1/customers?q=rossi"),
            await api.From(address, CrmApiFactory.AgentKey).GetAsync("/no/such/route"),
        };

        foreach (var answer in answers)
        {
            Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.True(answer.Headers.CacheControl?.NoStore, $"{answer.RequestMessage!.RequestUri} answered without no-store");
            Assert.False(answer.Headers.Contains("Server"), $"{answer.RequestMessage!.RequestUri} names its server: {string.Join(",", answer.Headers.Server)}");
        }
    }

    [Fact]
    public async Task A_json_route_refuses_a_body_over_its_limit_with_a_413_problem_whether_its_length_is_declared_or_not()
    {
        var agent = api.From(EdgeApiFactory.NewAddress(), CrmApiFactory.AgentKey);
        var tooBig = Encoding.UTF8.GetBytes($$"""{"name":"{{new string('a', EdgeApiFactory.MaxBodyBytes)}}","phone":"+390612345678"}""");

        foreach (var declared in new[] { true, false })
        {
            var response = await agent.PostAsync("/api/v1/customers", Body(tooBig, "application/json", declared));

            var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            Assert.Contains(EdgeApiFactory.MaxBodyBytes.ToString(CultureInfo.InvariantCulture), problem.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_lead_import_takes_a_body_bigger_than_a_json_route_does_up_to_its_own_limit()
    {
        var admin = api.From(EdgeApiFactory.NewAddress(), CrmApiFactory.AdminKey);
        var campaign = await new CallDriver(admin).CreateCampaignAsync();
        string Csv(int rows) => "id,name,phone\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"lead-{TestValues.Letters(10)},Lead number {i} of the import,{TestValues.Phone()}\n"));
        var over = Encoding.UTF8.GetBytes(Csv(1));
        var rows = 1;
        while (over.Length <= EdgeApiFactory.MaxBodyBytes * 2)
        {
            over = Encoding.UTF8.GetBytes(Csv(rows *= 2));
        }

        Assert.InRange(over.Length, EdgeApiFactory.MaxBodyBytes * 2, EdgeApiFactory.MaxLeadImportBytes);
        var taken = await admin.PostAsync($"/api/v1/campaigns/{campaign}/leads", Body(over, "text/csv", declared: false));
        Assert.True(taken.StatusCode == HttpStatusCode.OK, await taken.Content.ReadAsStringAsync());

        var huge = new byte[EdgeApiFactory.MaxLeadImportBytes + 1];
        await (await admin.PostAsync($"/api/v1/campaigns/{campaign}/leads", Body(huge, "text/csv", declared: true))).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_request_that_runs_out_of_time_is_stopped_with_a_504_problem()
    {
        var admin = api.From(EdgeApiFactory.NewAddress(), CrmApiFactory.AdminKey);
        var campaign = "timeout-" + TestValues.Letters(8);
        (await admin.PutAsJsonAsync($"/api/v1/campaigns/{campaign}", Payloads.Campaign())).EnsureSuccessStatusCode();

        // A client that announces a lead file and sends only its first bytes (an HTTP client would not read the
        // answer before its body is sent): the import reads its body under the upload time limit.
        var server = admin.BaseAddress!;
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        var head = $"POST /api/v1/campaigns/{campaign}/leads HTTP/1.1\r\nHost: {server.Authority}\r\nX-Api-Key: {CrmApiFactory.AdminKey}\r\n"
            + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n[{\"name\":";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);

        var statusLine = await reader.ReadLineAsync(TestContext.Current.CancellationToken);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await reader.ReadLineAsync(TestContext.Current.CancellationToken); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync(TestContext.Current.CancellationToken))
        {
            headers[line[..line.IndexOf(':', StringComparison.Ordinal)]] = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }

        Assert.StartsWith("HTTP/1.1 504", statusLine, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", headers["Content-Type"].Split(';')[0]);
        Assert.Equal("chunked", headers["Transfer-Encoding"]);
        var chunk = await reader.ReadLineAsync(TestContext.Current.CancellationToken);
        var body = new char[int.Parse(chunk!, NumberStyles.HexNumber, CultureInfo.InvariantCulture)];
        await reader.ReadBlockAsync(body, TestContext.Current.CancellationToken);
        Assert.Contains("may or may not have taken effect", new string(body), StringComparison.Ordinal);
    }

    private static HttpContent Body(byte[] bytes, string contentType, bool declared)
    {
        HttpContent content = declared ? new ByteArrayContent(bytes) : new StreamContent(new UnseekableStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }

    /// <summary>A body whose length the client does not know: it goes chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>
/// The api on a real Kestrel server (its own headers and body limits), with small limits, the rate limiter's windows on
/// <see cref="EdgeTime"/>, and the client's address taken from a test header (every test client is 127.0.0.1).
/// </summary>
public sealed class EdgeApiFactory : CrmApiFactory
{
    public const int FailedKeyLimit = 3;
    public const int TrialExtensionLimit = 2;
    public const int MaxBodyBytes = 4096;
    public const int MaxLeadImportBytes = 64 * 1024;
    public const string AddressHeader = "X-Test-Client-Address";

    private static int addresses;

    public EdgeApiFactory() => UseKestrel();

    public FakeTimeProvider EdgeTime { get; } = new(Start);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Urls"] = "http://127.0.0.1:0",
        ["Limits:FailedAuthentications:PermitLimit"] = FailedKeyLimit.ToString(CultureInfo.InvariantCulture),
        ["Limits:FailedAuthentications:Window"] = "00:01:00",
        ["Limits:TrialExtensions:PermitLimit"] = TrialExtensionLimit.ToString(CultureInfo.InvariantCulture),
        ["Limits:TrialExtensions:Window"] = "00:01:00",
        ["Limits:MaxBodyBytes"] = MaxBodyBytes.ToString(CultureInfo.InvariantCulture),
        ["Limits:MaxLeadImportBytes"] = MaxLeadImportBytes.ToString(CultureInfo.InvariantCulture),
        ["Limits:UploadTimeout"] = "00:00:01",
    };

    /// <summary>A client address no other test uses (TEST-NET-3, 203.0.113.0/24, then further documentation ranges).</summary>
    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref addresses);
        return $"198.{18 + (n / 65536)}.{n / 256 % 256}.{n % 256}";
    }

    public HttpClient From(string address, string? key)
    {
        var client = ClientWithKey(key);
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddKeyedSingleton<TimeProvider>(EdgeClock.Key, EdgeTime);
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(AddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
