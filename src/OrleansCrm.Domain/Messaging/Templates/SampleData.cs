using System.Globalization;

namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>The facts a trigger's catalog gives as samples: what a preview renders without a real order, booking or call.</summary>
public static class SampleData
{
    public const string SampleTimeZone = "Europe/Berlin";

    public static MessageFacts For(MessageTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var instants = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var variable in trigger.Variables)
        {
            if (variable.Kind == VariableKinds.Instant)
            {
                instants[variable.Name] = DateTimeOffset.Parse(variable.Sample, CultureInfo.InvariantCulture);
            }
            else
            {
                values[variable.Name] = variable.Sample;
            }
        }

        return new MessageFacts(values, instants, SampleTimeZone);
    }
}
