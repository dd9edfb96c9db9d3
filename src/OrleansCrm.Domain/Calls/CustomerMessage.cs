using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>A message to the customer sent when the outcome is confirmed, with a copy to the customer's manager (or the calling agent).</summary>
public sealed record CustomerMessage([FreeText] string? Subject, [FreeText] string? Body, bool CopyToManager = true);
