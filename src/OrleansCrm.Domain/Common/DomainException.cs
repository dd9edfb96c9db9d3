namespace OrleansCrm.Domain.Common;

/// <summary>
/// The one way the domain and the grains refuse a request. Bad input carries the fields
/// that are wrong; a refusal changes nothing.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(ProblemKind kind, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(detail ?? title)
    {
        Kind = kind;
        Title = title;
        Detail = detail;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public DomainException()
        : this(ProblemKind.Conflict, "Request refused")
    {
    }

    public DomainException(string message)
        : this(ProblemKind.Conflict, message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Title = message;
        Errors = new Dictionary<string, string[]>();
    }

    public ProblemKind Kind { get; }

    public string Title { get; }

    public string? Detail { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static DomainException NotFound(string what, string id) =>
        new(ProblemKind.NotFound, $"{what} not found", $"There is no {what.ToLowerInvariant()} '{id}'.");

    public static DomainException Conflict(string title, string detail) =>
        new(ProblemKind.Conflict, title, detail);

    public static DomainException Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(ProblemKind.Validation, "The request is not valid", "See errors for each field that is wrong.", errors);
}
