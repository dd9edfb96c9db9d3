namespace OrleansCrm.Domain.Common;

/// <summary>What kind of refusal a domain error is; the API maps each kind to one HTTP status.</summary>
public enum ProblemKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    PaymentDeclined,

    /// <summary>A dependency (the payment provider) did not answer; retrying the same request is safe.</summary>
    Unavailable,

    /// <summary>The body is larger than the route accepts.</summary>
    TooLarge,

    /// <summary>The body is not in a format the route accepts.</summary>
    UnsupportedMediaType,
}
