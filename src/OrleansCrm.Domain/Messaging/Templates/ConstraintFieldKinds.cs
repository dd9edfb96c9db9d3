namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>How a constraint field is compared: text and weekdays by <c>anyOf</c> (ignoring case), flags by <c>anyOf</c> of "true"/"false", numbers by <c>anyOf</c> or a <c>min</c>/<c>max</c> range.</summary>
public static class ConstraintFieldKinds
{
    public const string Text = "text";
    public const string Flag = "flag";
    public const string Number = "number";
    public const string Weekday = "weekday";
}
