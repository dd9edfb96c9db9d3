using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Tests;

/// <summary>Helpers to look at a validation refusal by the field paths it names.</summary>
internal static class Refusals
{
    /// <summary>Runs the action, asserts it was refused as bad input and returns the refusal.</summary>
    public static DomainException Of(Action action)
    {
        var refusal = Assert.Throws<DomainException>(action);
        Assert.Equal(ProblemKind.Validation, refusal.Kind);
        Assert.NotEmpty(refusal.Errors);
        return refusal;
    }

    /// <summary>Runs the action and returns the field paths it was refused for.</summary>
    public static IReadOnlyCollection<string> FieldsOf(Action action) => Of(action).Errors.Keys.ToList();

    /// <summary>Asserts the action was refused for exactly one field: <paramref name="field"/>.</summary>
    public static void OnlyFor(string field, Action action) => Assert.Equal([field], FieldsOf(action));

    /// <summary>The field paths a validator has collected.</summary>
    public static IReadOnlyCollection<string> Fields(this Validator validator) => validator.Errors.Keys.ToList();
}
