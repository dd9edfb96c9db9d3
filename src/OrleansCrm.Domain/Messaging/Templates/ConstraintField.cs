namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>A field a constraint may test, and how: text values (<see cref="ConstraintFieldKinds.Text"/>), a flag, a number or a weekday.</summary>
public sealed record ConstraintField(string Name, string Kind, string Description);
