namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// What is known about one event when its messages are made: the value of each variable by its name (text
/// already written; a missing or blank one has no value), the instants by name, and the customer's zone that
/// instants are written in (UTC when unknown).
/// </summary>
public sealed record MessageFacts(IReadOnlyDictionary<string, string?> Values, IReadOnlyDictionary<string, DateTimeOffset> Instants, string? CustomerTimeZone)
{
    public string? Value(string name) => Values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public DateTimeOffset? Instant(string name) => Instants.TryGetValue(name, out var value) ? value : null;
}
