namespace OrleansCrm.Infrastructure.Messaging.Sms;

/// <summary>The body of <c>POST {Sms:BaseUrl}/messages</c> (the README's gateway contract).</summary>
internal sealed record GatewayMessageRequest(string ClientMessageId, string From, string To, string Text);
