namespace OrleansCrm.Api.Apis;

/// <summary>What the extension would do: the amount due at <c>chargeAt</c> is charged at <c>extendedChargeAt</c> instead.</summary>
public sealed record ExtensionOfferView(
    string OrderNumber, IReadOnlyList<string> Products, string Currency, decimal Amount, DateTimeOffset ChargeAt, DateTimeOffset ExtendedChargeAt, int ExtensionDays);
