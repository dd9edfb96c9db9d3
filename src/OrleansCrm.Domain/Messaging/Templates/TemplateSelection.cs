namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>Which of the templates hanging on an event are sent: the enabled ones whose trigger names the event (and, for an outcome, its code or type) and whose constraints all hold.</summary>
public static class TemplateSelection
{
    public static bool Applies(MessageTemplate template, string eventName, MessageFacts facts)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(facts);
        if (template.Enabled == false || template.Trigger?.Event != eventName)
        {
            return false;
        }

        if (eventName == TriggerEvents.Outcome)
        {
            var byCode = template.Trigger.OutcomeCode is { } code && string.Equals(code, facts.Value("outcome.code"), StringComparison.OrdinalIgnoreCase);
            var byType = template.Trigger.OutcomeType is { } type && string.Equals(type, facts.Value("outcome.type"), StringComparison.OrdinalIgnoreCase);
            if (!byCode && !byType)
            {
                return false;
            }
        }

        return ConstraintMatcher.Matches(template.Constraints ?? [], facts);
    }
}
