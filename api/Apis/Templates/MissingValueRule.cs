using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

/// <summary>What a message does when a variable has no value: <c>default</c> (with <c>defaultText</c>) or <c>skip</c> (the message is Skipped with the reason).</summary>
public sealed record MissingValueRule(string? Kind, [FreeText] string? DefaultText = null)
{
    public static MissingValueRule? From(Domain.Messaging.Templates.MissingValueRule? r) => r is null ? null : new(r.Kind, r.DefaultText);

    public Domain.Messaging.Templates.MissingValueRule ToDomain() => new(Kind, DefaultText);
}
