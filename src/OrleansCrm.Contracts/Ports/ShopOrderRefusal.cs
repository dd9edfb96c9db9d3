namespace OrleansCrm.Contracts.Ports;

/// <summary>An order of an upsert the store refused: its index in the batch and why.</summary>
public sealed record ShopOrderRefusal(int Index, string Field, string Message);
