using System.Diagnostics.CodeAnalysis;

namespace OrleansCrm.Contracts.Wire;

/// <summary>
/// The lists a surrogate holds. Orleans serializes a list by its runtime type: a list or an array goes as it is,
/// anything else (a collection expression's compiler-made list) as an array.
/// </summary>
public static class WireLists
{
    [return: NotNullIfNotNull(nameof(list))]
    public static IReadOnlyList<T>? Of<T>(IReadOnlyList<T>? list) => list is null or T[] or List<T> ? list : list.ToArray();
}
