namespace OrleansCrm.Api.Apis;

/// <summary>An SMS a customer sent to the CRM's number, as the gateway posts it.</summary>
public sealed record InboundSmsBody(string? From, string? To, string? Text);
