using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrleansCrm.Domain.Common;
using OrleansCrm.Testing;

namespace OrleansCrm.Infrastructure.Tests;

/// <summary>
/// PCI on the PostgreSQL profile: after a whole call-center scenario in which card numbers are typed
/// into notes, task titles and reasons and pasted into card fields, no card number is left in any
/// column of any table (grain state included) nor in any log line, at any level.
/// </summary>
public sealed partial class NoCardDataOnPostgresTests : IAsyncLifetime
{
    private const string Visa = "4111 1111 1111 1111";
    private const string Mastercard = "5555-5555-5555-4444";
    private const string Amex = "378282246310005";
    private const string Campaign = "pci-calls";

    private static readonly string[] TestNumbers = [Visa, Mastercard, Amex];
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private TestDatabase database = null!;

    public async ValueTask InitializeAsync() => database = await TestDatabase.CreateMigratedAsync("pci");

    public ValueTask DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task No_card_number_reaches_any_column_of_any_table_or_any_log_line()
    {
        var capture = new CapturingLoggerProvider();
        var api = new WorkflowApiFactory(database.ConnectionString);
        string upsell;
        try
        {
            var host = api.WithWebHostBuilder(b => b.ConfigureLogging(l =>
            {
                l.SetMinimumLevel(LogLevel.Trace);
                l.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
                l.AddProvider(capture);
            }));
            upsell = await PlayTheScenarioAsync(api, host);
        }
        finally
        {
            await api.DisposeAsync();
        }

        // The scan is known to read both sources: the redacted forms are there, and so are debug lines.
        var rows = await ReadEveryColumnAsync();
        var stored = string.Join("\n", rows.Select(r => r.Text));
        foreach (var redacted in new[] { "XXXX XXXX XXXX 1111", "XXXX XXXX XXXX 4444", "XXXX XXXX XXXX 0005" })
        {
            Assert.Contains(redacted, stored, StringComparison.Ordinal);
        }

        Assert.Contains(rows, r => r.Source.StartsWith("orleans_grain_state.", StringComparison.Ordinal) && r.Text.Contains("XXXX XXXX XXXX 1111", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Source == "crm_orders.number" && r.Text == upsell);
        var lines = capture.Lines;
        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.Level <= LogLevel.Debug);
        Assert.Contains(lines, l => l.Text.Contains($"/api/v1/orders/", StringComparison.Ordinal));

        var findings = rows.Select(r => (Where: $"column {r.Source}", r.Text))
            .Concat(lines.Select(l => (Where: $"log {l.Level} {l.Category}", l.Text)))
            .SelectMany(x => Findings(x.Text).Select(f => $"{x.Where}: {f}"))
            .Distinct()
            .ToList();
        Assert.True(findings.Count == 0, "card data found:\n" + string.Join("\n", findings.Take(50)));
    }

    [Fact]
    public async Task No_card_number_typed_in_any_style_into_any_string_field_parameter_or_key_of_any_route_is_stored_logged_or_echoed()
    {
        var capture = new CapturingLoggerProvider();
        var api = new WorkflowApiFactory(database.ConnectionString);
        var faults = new List<string>();
        var sent = 0;
        try
        {
            var host = api.WithWebHostBuilder(b => b.ConfigureLogging(l =>
            {
                l.SetMinimumLevel(LogLevel.Trace);
                l.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
                l.AddProvider(capture);
            }));
            var admin = Client(host, CrmApiFactory.AdminKey);
            await new OrderDriver(admin).EnsureOfferAsync();
            var probe = await OpenApiProbe.LoadAsync(admin);
            foreach (var request in CardNumberCases.For(probe))
            {
                sent++;
                var (status, _, body) = await OpenApiProbe.SendAsync(admin, request);
                if ((int)status >= 500)
                {
                    faults.Add($"{request}: answered {(int)status}");
                }

                faults.AddRange(CardNumberCases.Found(body).Select(last4 => $"{request}: the response holds the number ending {last4}"));
            }
        }
        finally
        {
            await api.DisposeAsync();
        }

        var stored = (await ReadEveryColumnAsync()).Select(r => (Where: $"column {r.Source}", r.Text));
        var logged = capture.Lines.Select(l => (Where: $"log {l.Level} {l.Category}", l.Text));
        faults.AddRange(stored.Concat(logged).SelectMany(x => CardNumberCases.Found(x.Text).Select(last4 => $"{x.Where}: the number ending {last4}")).Distinct());
        Assert.True(sent > CardNumberCases.Styles.Count * CardNumberCases.Numbers.Length * 4, $"only {sent} requests were generated");
        Assert.NotEmpty(capture.Lines);
        Assert.True(faults.Count == 0, $"{faults.Count} findings in {sent} requests:\n" + string.Join("\n", faults.Take(60)));
    }

    /// <summary>Customer note, a paid order, its note and task, a cancelled order, a refund, card numbers in card fields, an upsell. Returns the upsell's number.</summary>
    private static async Task<string> PlayTheScenarioAsync(WorkflowApiFactory api, WebApplicationFactory<Program> host)
    {
        var admin = Client(host, CrmApiFactory.AdminKey);
        var agent = Client(host, CrmApiFactory.AgentKey);
        var supervisor = Client(host, CrmApiFactory.SupervisorKey);
        var driver = new OrderDriver(admin);
        await driver.EnsureOfferAsync();
        (await admin.PutAsJsonAsync($"/api/v1/campaigns/{Campaign}", Payloads.Campaign("PCI calls"))).EnsureSuccessStatusCode();
        var email = $"pci.{Letters(10)}@example.it";
        var customer = await driver.CreateCustomerAsync("Pia Cardholder", email);

        await Expect(HttpStatusCode.Created, agent.PostAsJsonAsync($"/api/v1/customers/{customer}/notes", new { text = $"Read her card {Visa} out loud, told her not to" }));
        var main = await NumberOf(await Expect(HttpStatusCode.Created, driver.PlaceAsync(new { customerId = customer, offerId = OrderDriver.Offer, currency = "USD", trial = false, cardToken = Token("tok_approve") })));
        var trial = await NumberOf(await Expect(HttpStatusCode.Created, driver.PlaceAsync(new { customerId = customer, offerId = OrderDriver.Offer, currency = "USD", trial = true, cardToken = Token("tok_approve") })));
        var unpaid = await NumberOf(await Expect(HttpStatusCode.Created, driver.PlaceAsync(new { customerId = customer, offerId = OrderDriver.Offer, currency = "EUR", trial = false })));
        await Expect(HttpStatusCode.Created, agent.PostAsJsonAsync($"/api/v1/orders/{main}/notes", new { text = $"Customer wanted to pay with {Mastercard} instead" }));
        await Expect(HttpStatusCode.Created, agent.PostAsJsonAsync($"/api/v1/orders/{main}/tasks", new { title = $"Call back about card {Amex}" }));
        await Expect(HttpStatusCode.OK, agent.PostAsJsonAsync($"/api/v1/orders/{unpaid}/cancel", new { reason = $"Only had {Mastercard}, which we cannot take by phone" }));

        // Card numbers pasted into card fields: refused, never echoed.
        foreach (var pan in TestNumbers)
        {
            await ExpectRefusedCard(driver.PlaceAsync(new { customerId = customer, offerId = OrderDriver.Offer, currency = "USD", trial = true, cardToken = pan }), pan);
            await ExpectRefusedCard(driver.PlaceAsync(new { customerId = customer, offerId = OrderDriver.Offer, currency = "USD", trial = false, cardToken = pan }, Guid.NewGuid().ToString("N")), pan);
            await ExpectRefusedCard(Checkout(agent, main, new { campaignId = Campaign, upsellId = "serum", quantity = 1, shippingMethodId = "standard", cardToken = pan }), pan);
            await ExpectRefusedCard(Checkout(agent, main, new { campaignId = Campaign, upsellId = "serum", quantity = 1, shippingMethodId = "standard", cardToken = pan }, Guid.NewGuid().ToString("N")), pan);
            await ExpectRefusedCard(agent.PostAsJsonAsync($"/api/v1/orders/{trial}/prepayments", new { amount = 1m, cardToken = pan }), pan);
        }

        await ExpectRefusedCard(Checkout(agent, main, new { campaignId = Campaign, upsellId = "serum", quantity = 1, shippingMethodId = "standard", cardToken = "123" }), "\"123\"");

        var upsell = await NumberOf(await Expect(HttpStatusCode.Created,
            Checkout(agent, main, new { campaignId = Campaign, upsellId = "serum", quantity = 2, shippingMethodId = "standard" }, Guid.NewGuid().ToString("N"))));
        await Expect(HttpStatusCode.Created, agent.PostAsJsonAsync($"/api/v1/orders/{upsell}/notes", new { text = $"Upsell paid; she repeated {Visa} again" }));
        await Expect(HttpStatusCode.OK, supervisor.PostAsJsonAsync($"/api/v1/orders/{upsell}/refund", new { amount = 1m, reason = "Goodwill for the wait" }));
        await Expect(HttpStatusCode.OK, supervisor.PostAsJsonAsync($"/api/v1/orders/{upsell}/refund", new { amount = 1m, reason = $"Refund to {Amex}, customer asked" }));

        await api.Mail.WaitForMessagesAsync(m => m.Recipients.Contains(email, StringComparer.OrdinalIgnoreCase) && m.Raw.Contains($"Your order {upsell} is confirmed", StringComparison.Ordinal), 1, Timeout);
        var page = await admin.GetStringAsync($"/api/v1/orders/{upsell}");
        Assert.Equal("Paid", JsonSerializer.Deserialize<JsonElement>(page).GetProperty("status").GetString());
        Assert.Contains("XXXX XXXX XXXX 4242", page, StringComparison.Ordinal);
        return upsell;
    }

    /// <summary>
    /// Every value of every text, json and bytea column of every table in the public schema; bytea (grain
    /// state: the Orleans binary format, strings in it as UTF-8) decoded as UTF-8 and as Latin-1. Numeric
    /// columns (grain id hashes, versions, amounts) hold no text.
    /// </summary>
    private async Task<List<(string Source, string Text)>> ReadEveryColumnAsync()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT c.table_name, c.column_name, c.data_type
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
              AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'xml', 'ARRAY') OR c.udt_name = 'citext')
            ORDER BY c.table_name, c.ordinal_position
            """,
            connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        Assert.Contains(columns, c => c.Table == "orleans_grain_state" && c.Type == "bytea");
        Assert.Contains(columns, c => c.Table == "crm_orders");
        Assert.Contains(columns, c => c.Table == "crm_sandbox_ledger");

        var values = new List<(string Source, string Text)>();
        foreach (var (table, column, type) in columns)
        {
            var binary = type == "bytea";
            var select = binary ? Quote(column) : $"{Quote(column)}::text";
            await using var command = new NpgsqlCommand($"SELECT {select} FROM {Quote(table)} WHERE {Quote(column)} IS NOT NULL", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var source = $"{table}.{column}";
                if (binary)
                {
                    var bytes = reader.GetFieldValue<byte[]>(0);
                    values.Add((source, Encoding.UTF8.GetString(bytes)));
                    values.Add((source, Encoding.Latin1.GetString(bytes)));
                }
                else
                {
                    values.Add((source, reader.GetString(0)));
                }
            }
        }

        return values;
    }

    /// <summary>What in the text is card data: a test number (as typed or as bare digits) or any other card-number-shaped run.</summary>
    private static IEnumerable<string> Findings(string text)
    {
        var joined = JoinedDigits().Replace(text, "");
        foreach (var pan in TestNumbers)
        {
            var digits = new string([.. pan.Where(char.IsAsciiDigit)]);
            if (text.Contains(pan, StringComparison.Ordinal) || joined.Contains(digits, StringComparison.Ordinal))
            {
                yield return $"test number ending {digits[^4..]} in \"{Excerpt(text, digits[^4..])}\"";
            }
        }

        // Hex identifiers (guids, grain and activation ids, hashes) hold digit runs by chance: they are no card numbers.
        var withoutIds = HexIdentifier().Replace(GuidPattern().Replace(text, "<id>"), "<id>");
        if (CardNumbers.ContainsPan(withoutIds))
        {
            var redacted = CardNumbers.Redact(withoutIds);
            var at = Enumerable.Range(0, Math.Min(redacted.Length, withoutIds.Length)).FirstOrDefault(i => redacted[i] != withoutIds[i]);
            yield return $"card-number-shaped run near \"{Mask(withoutIds.Substring(Math.Max(0, at - 40), Math.Min(100, withoutIds.Length - Math.Max(0, at - 40))))}\"";
        }
    }

    /// <summary>A report never repeats a card number in full: every digit run keeps only its last four.</summary>
    private static string Mask(string text) => CardNumbers.Redact(text);

    private static string Excerpt(string text, string last4)
    {
        var at = Math.Max(0, text.IndexOf(last4, StringComparison.Ordinal) - 60);
        return Mask(text.Substring(at, Math.Min(120, text.Length - at)));
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static HttpClient Client(WebApplicationFactory<Program> host, string key)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static Task<HttpResponseMessage> Checkout(HttpClient client, string main, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{main}/upsells") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {Mask(await response.Content.ReadAsStringAsync())}");
        return response;
    }

    private static async Task ExpectRefusedCard(Task<HttpResponseMessage> call, string pan)
    {
        var response = await call;
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"a card number in a card field answered {(int)response.StatusCode}");
        Assert.Contains("cardToken", raw, StringComparison.Ordinal);
        var body = JsonSerializer.Deserialize<JsonElement>(raw);
        var withoutTrace = string.Join("|", body.EnumerateObject().Where(p => p.Name != "traceId").Select(p => p.Value.GetRawText()));
        Assert.DoesNotContain(pan, withoutTrace, StringComparison.Ordinal);
        Assert.DoesNotContain(new string([.. pan.Where(char.IsAsciiDigit)]), JoinedDigits().Replace(withoutTrace, ""), StringComparison.Ordinal);
    }

    private static async Task<string> NumberOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;

    /// <summary>A unique sandbox token: letters only after the prefix, so it never holds a card-number-shaped run.</summary>
    private static string Token(string prefix) => $"{prefix}_{Letters(24)}";

    private static string Letters(int count) =>
        string.Concat(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).Take(count).Select(b => (char)('a' + (b % 26))));

    /// <summary>A space or dash between two digits: taken out, a typed card number is one digit run.</summary>
    [GeneratedRegex(@"(?<=[0-9])[ \-](?=[0-9])")]
    private static partial Regex JoinedDigits();

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z])")]
    private static partial Regex GuidPattern();

    /// <summary>16 or more hex digits with at least one letter among them (so a bare digit run, a card number's shape, is never hidden).</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{16,}(?![0-9A-Za-z])")]
    private static partial Regex HexIdentifier();

    private sealed record LogLine(string Category, LogLevel Level, string Text);

    /// <summary>Keeps every log line at every level: the formatted message, the exception and the structured values.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogLine> lines = new();

        public IReadOnlyList<LogLine> Lines => [.. lines];

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogLine> lines) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state)
            where TState : notnull => NoScope.Instance;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder(formatter(state, exception));
            if (exception is not null)
            {
                text.Append('\n').Append(exception);
            }

            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append('\n').Append(key).Append('=').Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            lines.Enqueue(new LogLine(category, logLevel, text.ToString()));
        }
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}
