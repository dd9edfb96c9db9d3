namespace OrleansCrm.Domain.Calls;

/// <summary>What an outcome's effects produced: the booking (T), the contract (C), the invoice's new order, whether the message went.</summary>
public sealed record OutcomeResults(string? BookingId, string? ContractProtocol, string? NewOrderNumber, bool MessageSent);
