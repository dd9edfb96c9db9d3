namespace OrleansCrm.Domain.Common;

/// <summary>
/// Marks a string a person writes sentences in (notes, comments, reasons, messages): it may hold
/// tabs and line breaks, and a card number typed into it is cut to its last four digits. Every other
/// string (ids, keys, names, emails, codes, addresses) refuses both.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class FreeTextAttribute : Attribute;
