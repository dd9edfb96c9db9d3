namespace OrleansCrm.Domain.Calls;

/// <summary>
/// An outcome the agent confirmed, stored on the call before any of its effects happen: whoever finishes it (the
/// agent's retry, the call's own due work) applies the same decision, at the same instant, as the same user.
/// </summary>
public sealed record OutcomeIntent(OutcomeDecision Decision, DateTimeOffset At, string By);
