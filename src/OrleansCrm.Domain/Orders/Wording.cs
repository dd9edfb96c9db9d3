namespace OrleansCrm.Domain.Orders;

/// <summary>
/// What the order says happened, as data rather than as a sentence: a <see cref="Code"/> of <see cref="OrderWording"/> and
/// its values, formatted invariantly (amounts as <see cref="Order.Format"/> writes them, instants in ISO 8601). The edge
/// renders it in the reader's language. A value that is absent is an optional part the sentence leaves out.
/// </summary>
public sealed record Wording(string Code, IReadOnlyDictionary<string, string> Values)
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<Wording>> NoParts = new Dictionary<string, IReadOnlyList<Wording>>(StringComparer.Ordinal);

    /// <summary>
    /// Values that are sentences of their own, rendered in the same language: a status change's reason, the rows a note
    /// names. A part of several sentences is a list (English writes it joined by commas).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Wording>> Parts { get; init; } = NoParts;
}
