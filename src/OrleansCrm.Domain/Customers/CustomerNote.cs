using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Customers;

/// <summary>A note about the customer: it shows on every order of the customer and can be deleted.</summary>
public sealed record CustomerNote(string Id, string Text, string Author, DateTimeOffset CreatedAt)
{
    public const int MaxLength = Validator.TextMaxLength;

    /// <summary>Checks the note text and returns it as it may be stored: card numbers redacted.</summary>
    public static string ValidText(string? text)
    {
        // Redact first: the cap applies to what is stored, and redaction makes a number longer.
        var stored = text is null ? null : CardNumbers.Redact(text.Trim());
        var v = new Validator();
        v.Text("text", stored, MaxLength, required: true);
        v.ThrowIfInvalid();
        return stored!;
    }
}
