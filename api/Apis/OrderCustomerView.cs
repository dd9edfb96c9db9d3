namespace OrleansCrm.Api.Apis;

/// <summary>The customer block of the order page: who, where, their manager, their notes, their clock now.</summary>
public sealed record OrderCustomerView(
    string Id, string Name, string? Email, string Phone, PostalAddress? Address, string PersonalManager,
    IReadOnlyList<CustomerNote> Notes, LocalTimeView LocalTime);
