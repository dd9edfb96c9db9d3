namespace OrleansCrm.Contracts;

/// <summary>Why a number is never called: the do-not-call list, or a number found invalid on a call.</summary>
[GenerateSerializer, Alias("OrleansCrm.BlockReason")]
public enum BlockReason
{
    DoNotCall,
    InvalidNumber,
}
