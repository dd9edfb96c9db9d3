namespace OrleansCrm.Domain.Campaigns;

/// <summary>The outcomes of the order page that every campaign has; a campaign may relabel or recolor them, never drop them.</summary>
public static class BuiltInOutcomes
{
    public const string Completed = "completed";
    public const string NoContact = "no-contact";
    public const string Callback = "callback";
    public const string AlreadyPaid = "already-paid";
    public const string Refusal = "refusal";
    public const string InvalidContact = "invalid-contact";

    public static IReadOnlyList<Outcome> All { get; } =
    [
        new(Completed, "Conversation completed", OutcomeType.N, "#2E7D32", Quick: true, BuiltIn: true, HumanContact: true, Sale: false),
        new(NoContact, "No contact", OutcomeType.R, "#9E9E9E", Quick: true, BuiltIn: true, HumanContact: false, Sale: false),
        new(Callback, "Callback", OutcomeType.R, "#1565C0", Quick: true, BuiltIn: true, HumanContact: true, Sale: false),
        new(AlreadyPaid, "Already paid", OutcomeType.N, "#6A1B9A", Quick: false, BuiltIn: true, HumanContact: true, Sale: false),
        new(Refusal, "Refusal", OutcomeType.N, "#C62828", Quick: true, BuiltIn: true, HumanContact: true, Sale: false),
        new(InvalidContact, "Invalid contact", OutcomeType.N, "#EF6C00", Quick: false, BuiltIn: true, HumanContact: false, Sale: false),
    ];

    public static bool TryGet(string code, out Outcome outcome)
    {
        outcome = All.FirstOrDefault(o => o.Code == code)!;
        return outcome is not null;
    }

    /// <summary>The campaign's own outcomes, with every built-in one present (a campaign's entry for a built-in code overrides its label, color and quick flag).</summary>
    public static IReadOnlyList<Outcome> MergeInto(IReadOnlyList<Outcome> outcomes)
    {
        var result = new List<Outcome>();
        foreach (var builtIn in All)
        {
            var own = outcomes.FirstOrDefault(o => o.Code == builtIn.Code);
            result.Add(own is null ? builtIn : (own with { Type = builtIn.Type, BuiltIn = true }).WithFlags());
        }

        result.AddRange(outcomes.Where(o => !TryGet(o.Code!, out _)).Select(o => (o with { BuiltIn = false }).WithFlags()));
        return result;
    }
}
