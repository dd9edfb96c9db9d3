namespace OrleansCrm.Api.Apis;

/// <summary>The domain's link reasons as the API names them (by name, so the two lists cannot drift by position).</summary>
public static class LinkReasons
{
    public static IReadOnlyList<LinkReason> From(IReadOnlyList<Domain.Shop.LinkReason> reasons) =>
        [.. reasons.Select(r => Enum.Parse<LinkReason>(r.ToString()))];
}
