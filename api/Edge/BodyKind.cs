namespace OrleansCrm.Api.Edge;

/// <summary>Which body limit a route takes: JSON routes the small default, the two uploads their own.</summary>
public enum BodyKind
{
    Json,
    LeadImport,
    Recording,
}
