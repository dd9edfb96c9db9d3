using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// A message to the customer sent when the outcome is confirmed, with a copy to the customer's manager (or the calling
/// agent). <paramref name="TemplateId"/> names the campaign's email template the agent picked on the outcome form (its
/// rendering for the call, as edited by the agent, is the subject and body); null for a free-text message.
/// </summary>
public sealed record CustomerMessage([FreeText] string Subject, [FreeText] string Body, bool CopyToManager = true, string? TemplateId = null);
