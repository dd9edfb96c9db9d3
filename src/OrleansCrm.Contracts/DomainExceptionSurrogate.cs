using OrleansCrm.Domain.Common;

namespace OrleansCrm.Contracts;

/// <summary>
/// How a domain refusal travels between silos and clients: the domain's exception knows nothing
/// of Orleans, so its kind, title, detail and field errors cross the wire in this surrogate.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.DomainError")]
public readonly record struct DomainExceptionSurrogate(
    [property: Id(0)] int Kind,
    [property: Id(1)] string Title,
    [property: Id(2)] string? Detail,
    [property: Id(3)] Dictionary<string, string[]> Errors);

[RegisterConverter]
public sealed class DomainExceptionConverter : IConverter<DomainException, DomainExceptionSurrogate>
{
    public DomainException ConvertFromSurrogate(in DomainExceptionSurrogate surrogate) =>
        new((ProblemKind)surrogate.Kind, surrogate.Title, surrogate.Detail, surrogate.Errors);

    public DomainExceptionSurrogate ConvertToSurrogate(in DomainException value) =>
        new((int)value.Kind, value.Title, value.Detail, value.Errors.ToDictionary(e => e.Key, e => e.Value));
}
