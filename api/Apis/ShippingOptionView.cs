namespace OrleansCrm.Api.Apis;

public sealed record ShippingOptionView(string Id, string Name, decimal? Price);
