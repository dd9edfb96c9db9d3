namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>What a template does with a variable that has no value when the message is made.</summary>
public static class MissingValueKinds
{
    /// <summary>The variable is replaced by the rule's default text (empty when none is given).</summary>
    public const string Default = "default";

    /// <summary>The message is not sent; it is recorded Skipped with the reason (which variable had no value).</summary>
    public const string Skip = "skip";
}
