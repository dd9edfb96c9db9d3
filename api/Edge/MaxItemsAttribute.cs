namespace OrleansCrm.Api.Edge;

/// <summary>A list property that may hold more than <see cref="JsonInput.MaxListItems"/> items (a bulk route with its own bigger body limit).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxItemsAttribute(int max) : Attribute
{
    public int Max { get; } = max;
}
