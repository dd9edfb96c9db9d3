using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Orders;

/// <summary>Card fields take provider tokens only: a card number or anything CVV-shaped is refused and never echoed.</summary>
public static class CardTokens
{
    public const int MaxLength = 200;

    public static void Check(Validator v, string field, string? token, bool required)
    {
        if (token is null)
        {
            if (required)
            {
                v.Add(field, "is required: a payment-provider card token.");
            }

            return;
        }

        if (CardNumbers.LooksLikePan(token) || CardNumbers.ContainsPan(token))
        {
            v.Add(field, "must be a payment-provider token; card numbers are never accepted.");
            return;
        }

        if (token.Trim().Length is >= 3 and <= 4 && token.Trim().All(char.IsAsciiDigit))
        {
            v.Add(field, "must be a payment-provider token; a CVV is never accepted.");
            return;
        }

        v.Text(field, token, MaxLength, required: true);
    }
}
