namespace OrleansCrm.Domain.Payments;

/// <summary>A card as the CRM may show it: never more than brand, last four digits and expiry.</summary>
public sealed record CardOnFile(string Brand, string Last4, int ExpiryMonth, int ExpiryYear)
{
    public string Masked => $"XXXX XXXX XXXX {Last4}";
}
