using System.Globalization;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Campaigns;

/// <summary>The daily window in which a contact may be called, in the contact's own time zone.</summary>
public sealed record CallingHours(string? Start, string? End)
{
    public static CallingHours Default { get; } = new("09:00", "20:00");

    // Methods, not properties: records cross grain calls as JSON, and a property would be serialized (and parsed) too.
    public TimeOnly StartsAt() => Parse(Start!);

    public TimeOnly EndsAt() => Parse(End!);

    internal void Validate(Validator v, string path) => ValidateAs(v, path, "start", "end");

    /// <summary>Checks the window with its fields named as the caller's document names them.</summary>
    public void ValidateAs(Validator v, string path, string startName, string endName)
    {
        var startOk = Check(v, $"{path}.{startName}", Start);
        var endOk = Check(v, $"{path}.{endName}", End);
        if (startOk && endOk && StartsAt() >= EndsAt())
        {
            v.Add($"{path}.{endName}", "must be later than the start.");
        }
    }

    private static bool Check(Validator v, string field, string? value)
    {
        if (!v.Required(field, value))
        {
            return false;
        }

        if (value.Length != 5 || !TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            v.Add(field, "must be a local time as HH:mm (e.g. 09:00).");
            return false;
        }

        return true;
    }

    private static TimeOnly Parse(string value) => TimeOnly.ParseExact(value, "HH:mm", CultureInfo.InvariantCulture);
}
