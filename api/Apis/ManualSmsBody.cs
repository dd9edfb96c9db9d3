using OrleansCrm.Domain.Common;

namespace OrleansCrm.Api.Apis;

/// <summary>The text an agent types on the customer card (card numbers in it are cut to their last four digits).</summary>
public sealed record ManualSmsBody([FreeText] string? Text);
