using System.Globalization;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// Checks a template's constraints when it is saved and decides, for one event, whether they all hold. A fact the
/// event does not know (no booking duration, no language) fails the constraint: a message is sent only when what
/// it was limited to is known to hold.
/// </summary>
public static class ConstraintMatcher
{
    private static readonly string[] Weekdays = Enum.GetNames<DayOfWeek>();

    public static bool Matches(IReadOnlyList<TemplateConstraint> constraints, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentNullException.ThrowIfNull(facts);
        return constraints.All(c => Holds(c, facts));
    }

    /// <summary>The fact a constraint field tests, written as text (flags "true"/"false", weekdays Monday … Sunday), or null when unknown.</summary>
    public static string? FactOf(string field, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return field switch
        {
            "customer.hasEmail" => facts.Value("customer.email") is null ? "false" : "true",
            "customer.hasPhone" => facts.Value("customer.phone") is null ? "false" : "true",
            "customer.timeZone" => facts.CustomerTimeZone ?? facts.Value("customer.timeZone"),
            "booking.agent" => facts.Value("agent.id"),
            "booking.duration" => facts.Value("booking.durationMinutes"),
            "booking.weekday" => facts.Instant("booking.start") is { } start ? Weekday(start, facts.CustomerTimeZone) : null,
            _ => facts.Value(field),
        };
    }

    public static void Validate(Validator v, string path, ConstraintField field, TemplateConstraint constraint)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(constraint);
        var hasValues = constraint.AnyOf is { Count: > 0 };
        var hasRange = constraint.Min is not null || constraint.Max is not null;
        if (hasValues == hasRange)
        {
            v.Add(path, field.Kind == ConstraintFieldKinds.Number ? "needs either anyOf or min/max." : "needs anyOf (a non-empty list of values).");
            return;
        }

        if (hasRange)
        {
            if (field.Kind != ConstraintFieldKinds.Number)
            {
                v.Add(path, $"'{field.Name}' is not a number: use anyOf.");
            }
            else if (constraint.Min > constraint.Max)
            {
                v.Add($"{path}.min", "must not be above max.");
            }

            return;
        }

        if (constraint.AnyOf!.Count > 50)
        {
            v.Add($"{path}.anyOf", "may hold at most 50 values.");
            return;
        }

        for (var i = 0; i < constraint.AnyOf.Count; i++)
        {
            var value = constraint.AnyOf[i];
            var at = $"{path}.anyOf[{i}]";
            if (!v.Text(at, value, Validator.NameMaxLength, required: true))
            {
                continue;
            }

            var ok = field.Kind switch
            {
                ConstraintFieldKinds.Flag => value is "true" or "false",
                ConstraintFieldKinds.Number => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _),
                ConstraintFieldKinds.Weekday => Weekdays.Contains(value, StringComparer.OrdinalIgnoreCase),
                _ => field.Name != "customer.timeZone" || TimeZones.TryFind(value!, out _),
            };
            if (!ok)
            {
                v.Add(at, field.Kind switch
                {
                    ConstraintFieldKinds.Flag => "must be \"true\" or \"false\".",
                    ConstraintFieldKinds.Number => "must be a whole number.",
                    ConstraintFieldKinds.Weekday => "must be a weekday: Monday … Sunday.",
                    _ => "is not an IANA time zone.",
                });
            }
        }
    }

    private static bool Holds(TemplateConstraint constraint, MessageFacts facts)
    {
        var fact = FactOf(constraint.Field!, facts);
        if (fact is null)
        {
            return false;
        }

        if (constraint.AnyOf is { Count: > 0 } values)
        {
            return values.Contains(fact, StringComparer.OrdinalIgnoreCase);
        }

        if (!int.TryParse(fact, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        return (constraint.Min is null || number >= constraint.Min) && (constraint.Max is null || number <= constraint.Max);
    }

    private static string Weekday(DateTimeOffset start, string? zone) =>
        (zone is not null && TimeZones.TryFind(zone, out _) ? TimeZones.LocalTime(start, zone) : start.ToUniversalTime()).DayOfWeek.ToString();
}
