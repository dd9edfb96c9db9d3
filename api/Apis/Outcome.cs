using OrleansCrm.Domain.Campaigns;

namespace OrleansCrm.Api.Apis;

/// <summary>
/// One entry of a campaign's outcome menu as the API reads and shows it (OpenAPI schema <c>Outcome</c>, as before).
/// <see cref="HumanContact"/> (the call reached a person) and <see cref="Sale"/> (it converted) feed the wallboard's
/// contact rate and conversion; left out, each takes its default (a built-in outcome's own, else by type), and the
/// campaign shows both.
/// </summary>
public sealed record Outcome(string? Code, string? Label, OutcomeType? Type, string? Color, bool Quick = false, bool BuiltIn = false, bool? HumanContact = null, bool? Sale = null)
{
    public static Outcome From(Domain.Campaigns.Outcome o) => new(o.Code, o.Label, o.Type, o.Color, o.Quick, o.BuiltIn, o.CountsAsHumanContact, o.CountsAsSale);

    public static IReadOnlyList<Outcome> Of(IEnumerable<Domain.Campaigns.Outcome> outcomes) => outcomes.Select(From).ToList();

    public Domain.Campaigns.Outcome ToDomain() => new(Code, Label, Type, Color, Quick, BuiltIn, HumanContact, Sale);

    /// <summary>
    /// A catalog as sent, entry by entry. A null entry goes on as null, for the campaign's rule to refuse by its path
    /// (<c>outcomes[2]</c>), as before: JSON can hold one where the domain's list type says it cannot.
    /// </summary>
    public static IReadOnlyList<Domain.Campaigns.Outcome>? ToDomain(IReadOnlyList<Outcome?>? outcomes) =>
        outcomes?.Select(o => o?.ToDomain()).ToList() as IReadOnlyList<Domain.Campaigns.Outcome>;
}
