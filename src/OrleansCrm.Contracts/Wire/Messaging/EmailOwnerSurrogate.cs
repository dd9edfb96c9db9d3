using OrleansCrm.Domain.Messaging;

namespace OrleansCrm.Contracts.Wire.Messaging;

/// <summary>An <see cref="EmailOwner"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.EmailOwner.v1")]
public readonly record struct EmailOwnerSurrogate(
    [property: Id(0)] string OrderNumber,
    [property: Id(1)] string WorkflowEventId);

/// <summary>Turns an <see cref="EmailOwner"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class EmailOwnerConverter : IConverter<EmailOwner, EmailOwnerSurrogate>
{
    public EmailOwner ConvertFromSurrogate(in EmailOwnerSurrogate s) => new(s.OrderNumber, s.WorkflowEventId);

    public EmailOwnerSurrogate ConvertToSurrogate(in EmailOwner o) => new(o.OrderNumber, o.WorkflowEventId);
}
