using OrleansCrm.Domain.Calls;

namespace OrleansCrm.Contracts.Wire.Calls;

/// <summary>The message of a call's draft (<see cref="CustomerMessage"/>) as it is stored and crosses a grain call. Never renumber an id; enums travel as their numbers.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.CustomerMessage.v1")]
public readonly record struct CustomerMessageSurrogate(
    [property: Id(0)] string Subject,
    [property: Id(1)] string Body,
    [property: Id(2)] bool CopyToManager,
    [property: Id(3)] string? TemplateId);

/// <summary>Turns a <see cref="CustomerMessage"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class CustomerMessageConverter : IConverter<CustomerMessage, CustomerMessageSurrogate>
{
    public CustomerMessage ConvertFromSurrogate(in CustomerMessageSurrogate s) => new(s.Subject, s.Body, s.CopyToManager, s.TemplateId);

    public CustomerMessageSurrogate ConvertToSurrogate(in CustomerMessage m) => new(m.Subject, m.Body, m.CopyToManager, m.TemplateId);
}
