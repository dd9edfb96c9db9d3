using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Domain.Orders;

/// <summary>The templates that speak for one event of an order, and whose they are.</summary>
public sealed record OrderTemplates(IReadOnlyList<VersionedTemplate> Templates, OrderTemplateSource Source);
