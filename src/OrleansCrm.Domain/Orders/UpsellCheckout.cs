using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Orders;

/// <summary>
/// An upsell checkout on an outbound call: the main order and the campaign whose payment providers may be used (both
/// always set), the choice (checked against the offer by <see cref="UpsellQuote"/>), and the card (a provider token;
/// none means the main order's card on file). Built by <see cref="Checked"/> from what a client sent.
/// </summary>
public sealed record UpsellCheckout(
    string MainOrderNumber,
    string CampaignId,
    string? UpsellId,
    int? Quantity,
    string? ShippingMethodId,
    string? CardToken,
    string? PaymentProvider)
{
    public UpsellChoice Choice => new(UpsellId, Quantity, ShippingMethodId);

    /// <summary>Upsells are paid by card through the campaign's payment providers (PRODUCT.md): the one asked for, or the campaign's first.</summary>
    public string ProviderAmong(IReadOnlyList<string>? campaignProviders)
    {
        var providers = campaignProviders ?? [];
        if (providers.Count == 0)
        {
            throw DomainException.Conflict("No payment provider", $"Campaign '{CampaignId}' has no payment provider configured; upsells are paid by card through the campaign's providers. Nothing was charged.");
        }

        var provider = PaymentProvider ?? providers[0];
        return providers.Contains(provider)
            ? provider
            : throw DomainException.Invalid(new Dictionary<string, string[]> { ["paymentProvider"] = [$"'{provider}' is not a payment provider of campaign '{CampaignId}' ({string.Join(", ", providers)})."] });
    }

    /// <summary>The card an upsell is paid with: the provider token given, or the main order's card on file.</summary>
    public string CardTokenFor(Order main) =>
        CardToken ?? main.CardToken
        ?? throw DomainException.Invalid(new Dictionary<string, string[]> { ["cardToken"] = [$"Order {main.Number} has no card on file; give a provider token."] });

    /// <summary>Checks a checkout's own shape (what needs no order, offer or campaign to know), or throws the validation problem (every field at once).</summary>
    public static UpsellCheckout Checked(
        string? mainOrderNumber, string? campaignId, string? upsellId, int? quantity, string? shippingMethodId, string? cardToken, string? paymentProvider)
    {
        var v = new Validator();
        v.Id("mainOrderNumber", mainOrderNumber);
        v.Id("campaignId", campaignId);
        CardTokens.Check(v, "cardToken", cardToken, required: false);
        v.Id("paymentProvider", paymentProvider, required: false);
        v.ThrowIfInvalid();
        return new UpsellCheckout(
            Validator.Present(mainOrderNumber), Validator.Present(campaignId), upsellId, quantity, shippingMethodId, cardToken, paymentProvider);
    }
}
