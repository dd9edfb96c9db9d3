using OrleansCrm.Domain.Campaigns;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// An outcome template names its outcome by a code of its campaign's outcome catalog (the built-in outcomes and the
/// campaign's own): a code the campaign does not have is refused when the template is saved, naming the field.
/// </summary>
public static class TemplateOutcomeCodes
{
    public static void Check(MessageTemplate template, string campaignId, IReadOnlyList<Outcome> catalog)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(catalog);
        if (template.Trigger?.OutcomeCode is not { } code)
        {
            return;
        }

        var codes = BuiltInOutcomes.MergeInto(catalog).Select(o => o.Code!).ToList();
        if (!codes.Contains(code, StringComparer.OrdinalIgnoreCase))
        {
            throw DomainException.Invalid(new Dictionary<string, string[]>
            {
                ["trigger.outcomeCode"] = [$"'{Validator.Shorten(code)}' is not an outcome of campaign '{campaignId}' ({string.Join(", ", codes)})."],
            });
        }
    }
}
