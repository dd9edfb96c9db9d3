using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Campaigns;

/// <summary>One entry of a campaign's outcome menu.</summary>
public sealed record Outcome(string? Code, string? Label, OutcomeType? Type, string? Color, bool Quick = false, bool BuiltIn = false)
{
    internal void Validate(Validator v, string path)
    {
        v.Id($"{path}.code", Code);
        v.Text($"{path}.label", Label, Validator.NameMaxLength, required: true);
        v.Color($"{path}.color", Color);
        if (Type is null)
        {
            v.Add($"{path}.type", "is required: R, N, C or T.");
        }
        else if (!Enum.IsDefined(Type.Value))
        {
            v.Add($"{path}.type", "must be R, N, C or T.");
        }

        if (Code is not null && BuiltInOutcomes.TryGet(Code, out var builtIn) && Type is not null && Type != builtIn.Type)
        {
            v.Add($"{path}.type", $"'{Code}' is a built-in outcome of type {builtIn.Type}; its type cannot change.");
        }
    }
}
