namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>A campaign's template with its id and the version its store gave it (a message records the version it used).</summary>
public sealed record VersionedTemplate(string Id, long Version, MessageTemplate Template);
