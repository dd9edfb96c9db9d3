namespace OrleansCrm.Api.Apis;

/// <summary>What the rendered SMS costs: <c>GSM-7</c> or <c>UCS-2</c>, septets or UTF-16 units, segments, and the first character that forced UCS-2 with its index.</summary>
public sealed record SmsCost(string Encoding, int Units, int Segments, string? ForcedUcs2By, int? ForcedUcs2At);
