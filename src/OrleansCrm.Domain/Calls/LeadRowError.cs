namespace OrleansCrm.Domain.Calls;

/// <summary>
/// A row that was refused: its 1-based number in the request (in a CSV the header is not a row) and its
/// errors by field name (camelCase), as a validation problem names them.
/// </summary>
public sealed record LeadRowError(int Row, IReadOnlyDictionary<string, string[]> Errors);
