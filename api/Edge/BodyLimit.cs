namespace OrleansCrm.Api.Edge;

/// <summary>Route metadata: this route takes a bigger body than the JSON default.</summary>
public sealed record BodyLimit(BodyKind Kind);
