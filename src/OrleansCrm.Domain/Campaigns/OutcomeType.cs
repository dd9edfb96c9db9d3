namespace OrleansCrm.Domain.Campaigns;

/// <summary>
/// R recall (needs a callback time), N negative (no recall), C close online (the cart becomes
/// a contract), T appointment (a slot in an agent's agenda).
/// </summary>
public enum OutcomeType
{
    R,
    N,
    C,
    T,
}
