namespace OrleansCrm.Api.Apis;

public sealed record CardView(string Number, string Brand, int ExpiryMonth, int ExpiryYear);
