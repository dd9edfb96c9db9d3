namespace OrleansCrm.Api.Apis;

/// <summary>Why a linked order is not valid, or (AwaitingSync) not judged yet: the domain's reasons by name (see <see cref="Domain.Shop.LinkReason"/>).</summary>
public enum LinkReason
{
    NoSuchOrder,
    AnotherRepsOrder,
    CreatedOutOfRange,
    LinkedToSeveralCalls,
    NoRepOnOrder,
    OrderReplaced,
    AwaitingSync,
}
