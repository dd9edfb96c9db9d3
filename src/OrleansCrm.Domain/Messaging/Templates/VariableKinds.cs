namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>What a variable holds: plain text (numbers and amounts come already written), or an instant that is written in the customer's zone by a named format.</summary>
public static class VariableKinds
{
    public const string Text = "text";
    public const string Instant = "instant";
}
