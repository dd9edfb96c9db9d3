namespace OrleansCrm.Domain.Orders;

/// <summary>
/// What the order says happened, as data rather than as a sentence: a <see cref="Code"/> of <see cref="OrderWording"/> and
/// its values, formatted invariantly (amounts as <see cref="Order.Format"/> writes them, instants in ISO 8601). The edge
/// renders it in the reader's language. A value that is absent is an optional part the sentence leaves out.
/// </summary>
public sealed record Wording(string Code, IReadOnlyDictionary<string, string> Values);
