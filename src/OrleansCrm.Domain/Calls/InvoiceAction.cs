namespace OrleansCrm.Domain.Calls;

/// <summary>What "conversation completed" does to the call's order: a new invoice beside it, or the old order cancelled and a new one made.</summary>
public enum InvoiceAction
{
    New,
    Replace,
}
