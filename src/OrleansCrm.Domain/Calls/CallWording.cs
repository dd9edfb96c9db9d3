using System.Reflection;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// Every sentence a call writes elsewhere (the reason on an order it cancels, the note on a number it blocks): the calls' catalog of codes, beside
/// <see cref="OrderWording"/>. The call's rules decide these sentences, so the calls keep them; the edge keeps a template
/// per code and language for both catalogs.
/// </summary>
public static class CallWording
{
    public static readonly WordingCode RefusalOn = new("call.refusal", ["callId", "comment"]);
    public static readonly WordingCode ReplacedBy = new("call.replaced-by", ["newOrder", "callId"]);
    public static readonly WordingCode InvalidContactOn = new("call.invalid-contact", ["callId"]);

    /// <summary>Every code above, found by reflection so that none is forgotten.</summary>
    public static IReadOnlyList<WordingCode> All { get; } = typeof(CallWording)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(WordingCode))
        .Select(f => (WordingCode)f.GetValue(null)!)
        .ToList();
}
