using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Infrastructure.Hosting;

/// <summary>
/// No card number reaches any log line, whoever writes it — our code, ASP.NET Core's request log (a
/// path or query string a client typed one into), Orleans: every logger the host makes passes its
/// message and its structured values through the one redactor before any provider sees them.
/// </summary>
public static class CardSafeLogging
{
    public static IServiceCollection AddCardSafeLogging(this IServiceCollection services)
    {
        services.AddLogging();
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(registered);
        services.Add(new ServiceDescriptor(typeof(LoggerFactory), typeof(LoggerFactory), ServiceLifetime.Singleton));
        services.AddSingleton<ILoggerFactory>(sp => new RedactingLoggerFactory(sp.GetRequiredService<LoggerFactory>()));
        return services;
    }

    private sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose() => inner.Dispose();
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            var values = state as IReadOnlyList<KeyValuePair<string, object?>>;
            if (!CardNumbers.ContainsPan(message) && (values is null || !values.Any(v => CardNumbers.ContainsPan(TextOf(v.Value)))))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            // A value whose text holds a card number (a string, or an object such as a message whose text shows an id) is passed on as its redacted text.
            var redacted = new RedactedState(
                CardNumbers.Redact(message),
                values?.Select(v => TextOf(v.Value) is { } text && CardNumbers.ContainsPan(text) ? new KeyValuePair<string, object?>(v.Key, CardNumbers.Redact(text)) : v).ToList() ?? []);
            inner.Log(logLevel, eventId, redacted, exception, static (s, _) => s.Message);
        }
    }

    /// <summary>The text a provider would write for a structured value (small numbers, times and ids cannot hold a card number; a long can).</summary>
    private static string? TextOf(object? value) => value switch
    {
        null or bool or int or short or byte or double or float or DateTime or DateTimeOffset or TimeSpan or Guid or Enum => null,
        string text => text,
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>What a provider sees of a line that held a card number: the message and values with it cut to its last four digits.</summary>
    private sealed class RedactedState(string message, IReadOnlyList<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }
}
