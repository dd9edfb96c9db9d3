using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Contracts.Wire.Orders;

/// <summary>A <see cref="ClientRequest"/> as it is stored and crosses a grain call. Never renumber an id.</summary>
[GenerateSerializer, Immutable, Alias("OrleansCrm.ClientRequest.v1")]
public readonly record struct ClientRequestSurrogate(
    [property: Id(0)] string Key,
    [property: Id(1)] string Fingerprint);

/// <summary>Turns a <see cref="ClientRequest"/> into its surrogate and back; one contract with it, so one file.</summary>
[RegisterConverter]
public sealed class ClientRequestConverter : IConverter<ClientRequest, ClientRequestSurrogate>
{
    public ClientRequest ConvertFromSurrogate(in ClientRequestSurrogate s) => new(s.Key, s.Fingerprint);

    public ClientRequestSurrogate ConvertToSurrogate(in ClientRequest c) => new(c.Key, c.Fingerprint);
}
