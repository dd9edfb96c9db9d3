namespace OrleansCrm.Domain.Calls;

/// <summary>A linked web-shop order id starts pending validation (the nightly validation decides).</summary>
public enum LinkStatus
{
    PendingValidation,
    Valid,
    Invalid,
}
