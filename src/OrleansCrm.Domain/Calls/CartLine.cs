namespace OrleansCrm.Domain.Calls;

/// <summary>A cart line of a close-online outcome, priced in the cart's currency.</summary>
public sealed record CartLine(string? Product, int? Quantity, decimal? UnitPrice);
