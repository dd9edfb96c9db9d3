using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansCrm.Infrastructure.Hosting;

namespace OrleansCrm.Infrastructure.Tests;

public sealed partial class CardSafeLoggingTests
{
    [Fact]
    public void No_logging_provider_sees_a_card_number_in_a_message_a_string_value_or_the_text_of_an_object_value()
    {
        var lines = new ConcurrentQueue<string>();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(new Capture(lines)))
            .AddCardSafeLogging();
        using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Any.Category");

        LogPath(logger, "4111.1111.1111.1111");
        var shown = new Shown("message #5555555555554444 looped back");
        LogMessage(logger, shown);
        LogCount(logger, 3);

        var all = string.Join("\n", lines);
        Assert.DoesNotContain("4111.1111", all, StringComparison.Ordinal);
        Assert.DoesNotContain("5555555555554444", all, StringComparison.Ordinal);
        Assert.Contains("XXXX XXXX XXXX 1111", all, StringComparison.Ordinal);
        Assert.Contains("XXXX XXXX XXXX 4444", all, StringComparison.Ordinal);
        Assert.Contains("Plain line 3", all, StringComparison.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request starting GET /api/v1/orders/{Path}")]
    private static partial void LogPath(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {Message}")]
    private static partial void LogMessage(ILogger logger, Shown message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plain line {Count}")]
    private static partial void LogCount(ILogger logger, int count);

    private sealed record Shown(string Text)
    {
        public override string ToString() => Text;
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue(formatter(state, exception) + " | " + values);
            }
        }
    }
}
