using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Campaigns;

/// <summary>
/// One entry of a campaign's outcome menu. <paramref name="HumanContact"/>: the call reached a person (the wallboard's
/// contact rate); <paramref name="Sale"/>: the call converted (its conversion). Unset, each takes its default
/// (<see cref="DefaultFlags"/>): a campaign checked or loaded has both set.
/// </summary>
public sealed record Outcome(string? Code, string? Label, OutcomeType? Type, string? Color, bool Quick = false, bool BuiltIn = false, bool? HumanContact = null, bool? Sale = null)
{
    /// <summary>Whether a call with this outcome reached a person: as set, else the default.</summary>
    public bool CountsAsHumanContact => HumanContact ?? DefaultFlags(Code, Type).HumanContact;

    /// <summary>Whether a call with this outcome is a sale: as set, else the default.</summary>
    public bool CountsAsSale => Sale ?? DefaultFlags(Code, Type).Sale;

    /// <summary>
    /// The flags an outcome has when its campaign sets none: a built-in outcome's own (a callback and a refusal reached a
    /// person, no contact and an invalid contact did not; none is a sale), else by type: a close online (C) and an
    /// appointment (T) reached a person and converted, a negative one (N) reached a person, a recall (R) did not.
    /// </summary>
    public static (bool HumanContact, bool Sale) DefaultFlags(string? code, OutcomeType? type)
    {
        if (code is not null && BuiltInOutcomes.TryGet(code, out var builtIn))
        {
            return (builtIn.HumanContact!.Value, builtIn.Sale!.Value);
        }

        return type switch
        {
            OutcomeType.C or OutcomeType.T => (true, true),
            OutcomeType.N => (true, false),
            _ => (false, false),
        };
    }

    /// <summary>The outcome with both flags set (its own, or the defaults).</summary>
    public Outcome WithFlags() => this with { HumanContact = CountsAsHumanContact, Sale = CountsAsSale };

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
