namespace OrleansCrm.Api.Apis;

public sealed record UpsellMenu(string OrderNumber, string Currency, IReadOnlyList<UpsellOptionView> Upsells);
