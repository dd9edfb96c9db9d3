namespace OrleansCrm.Api.Apis;

/// <summary>
/// The gateway's delivery report: its id for the message, the CRM's client message id, and the status
/// (<c>sent</c>/<c>accepted</c>, <c>delivered</c>, <c>undeliverable</c>/<c>failed</c>), with an error code when it failed.
/// </summary>
public sealed record DeliveryReportBody(string? Id, string? ClientMessageId, string? Status, string? ErrorCode);
