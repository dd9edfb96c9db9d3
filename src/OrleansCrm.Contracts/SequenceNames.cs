namespace OrleansCrm.Contracts;

/// <summary>The names of the sequences (<see cref="ISequenceGrain"/> keys) that hand out unique numbers.</summary>
public static class SequenceNames
{
    public const string Orders = "orders";
    public const string Contracts = "contracts";
}
