namespace OrleansCrm.Testing;

/// <summary>What the sink answers a transaction it was told to refuse.</summary>
public enum SmtpSinkFailure
{
    /// <summary><c>451 4.3.0</c>: try again later.</summary>
    Transient451,

    /// <summary><c>550 5.7.1</c>: refused for good.</summary>
    Permanent550,
}
