namespace OrleansCrm.Infrastructure.Payments;

/// <summary>
/// The sandbox provider's test tokens. A token is any string that starts with one of these, so a test
/// can make its own unique token (<c>tok_approve_order-17</c>).
/// </summary>
public static class SandboxTokens
{
    public const string Approve = "tok_approve";
    public const string Decline = "tok_decline";
    public const string InsufficientFunds = "tok_insufficient_funds";
    public const string StolenCard = "tok_stolen_card";
    public const string Timeout = "tok_timeout";
    public const string DeclineThenApprove = "tok_decline_then_approve";

    /// <summary>The first charge goes through (a trial's S&amp;H), every later one is declined: dunning ends in PaymentFailed.</summary>
    public const string ApproveThenDecline = "tok_approve_then_decline";

    /// <summary>The first charge goes through, the second is declined, later ones go through: the first dunning retry succeeds.</summary>
    public const string ApproveThenDeclineOnce = "tok_approve_then_decline_once";

    /// <summary>The first charge goes through, every later one is hard-declined (stolen card).</summary>
    public const string ApproveThenStolen = "tok_approve_then_stolen";
}
