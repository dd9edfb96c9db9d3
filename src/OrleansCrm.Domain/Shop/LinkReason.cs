namespace OrleansCrm.Domain.Shop;

/// <summary>Why a linked order is not valid (or, for <see cref="AwaitingSync"/>, not judged yet).</summary>
public enum LinkReason
{
    /// <summary>The shop has no order with that store and increment id.</summary>
    NoSuchOrder,

    /// <summary>The order was created by another rep than the one who made the call.</summary>
    AnotherRepsOrder,

    /// <summary>The order was created outside [call start, call end + 2 hours].</summary>
    CreatedOutOfRange,

    /// <summary>The same order (or another edition of it) is linked to more than one call.</summary>
    LinkedToSeveralCalls,

    /// <summary>The shop records no rep on the order, so it cannot be anyone's sale.</summary>
    NoRepOnOrder,

    /// <summary>The order named was re-created in the shop; the newest edition was judged, and it failed.</summary>
    OrderReplaced,

    /// <summary>No finished sync covers the call's window yet: the shop may still send the order.</summary>
    AwaitingSync,
}
