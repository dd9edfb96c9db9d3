namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// One condition a message must meet to be sent, as data: a field of the trigger's <see cref="MessageTrigger.ConstraintFields"/> and either the
/// values it may take (<see cref="AnyOf"/>, compared ignoring case) or, for a number, a range (<see cref="Min"/>,
/// <see cref="Max"/>, both inclusive). All constraints of a template must hold.
/// </summary>
public sealed record TemplateConstraint(string? Field, IReadOnlyList<string>? AnyOf = null, int? Min = null, int? Max = null);
