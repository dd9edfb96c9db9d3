namespace OrleansCrm.Domain.Calls;

/// <summary>A close-online contract: the cart as agreed on the call, under a protocol number unique across the cluster.</summary>
public sealed record Contract(
    string Protocol,
    string CallId,
    string CampaignId,
    string ContactId,
    string? CustomerId,
    string? ContactName,
    string Phone,
    string AgentId,
    string Currency,
    IReadOnlyList<CartLine> Lines,
    decimal Total,
    DateTimeOffset CreatedAt)
{
    /// <summary>A contract's protocol number, from the cluster-wide contracts sequence.</summary>
    public static string ProtocolNumber(long next) => "CT-" + next.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
