using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansCrm.Domain.Common;

/// <summary>
/// Collects what is wrong with a request, field by field (JSON paths in camelCase, e.g.
/// <c>upsells[0].unitPrice.EUR</c>), so one response names every bad field at once.
/// </summary>
public sealed partial class Validator
{
    public const int NameMaxLength = 200;
    public const int IdMaxLength = 64;
    public const int TextMaxLength = 4000;
    public const int ShortTextMaxLength = 500;

    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    public IReadOnlyDictionary<string, string[]> Errors =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            list = [];
            errors[field] = list;
        }

        list.Add(message);
    }

    /// <summary>Throws the validation problem when anything was found.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw DomainException.Invalid(Errors);
        }
    }

    /// <summary>Adds one more refusal and returns the validation problem with every refusal so far, for the caller to throw.</summary>
    public DomainException Refusal(string field, string message)
    {
        Add(field, message);
        return DomainException.Invalid(Errors);
    }

    public bool Required(string field, [NotNullWhen(true)] object? value)
    {
        if (value is null || (value is string s && string.IsNullOrWhiteSpace(s)))
        {
            Add(field, "is required.");
            return false;
        }

        return true;
    }

    /// <summary>An optional string: when present it must be non-blank and at most <paramref name="max"/> characters.</summary>
    public bool Text(string field, string? value, int max, bool required = false)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, "is required.");
            }

            return !required;
        }

        if (required && string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
            return false;
        }

        if (value.Length > max)
        {
            Add(field, $"must be at most {max} characters.");
            return false;
        }

        // Text may hold tabs and line breaks; what it must never hold is checked here for every caller.
        return InputText.Check(this, field, value, freeText: true);
    }

    /// <summary>A field the checks refused when missing, read after <see cref="ThrowIfInvalid"/>: reaching here without it is a bug, not bad input.</summary>
    public static T Present<T>(T? checkedValue)
        where T : class =>
        checkedValue ?? throw new InvalidOperationException("A field passed its check but is missing.");

    /// <summary>An identifier chosen by a client: letters, digits, '-', '_' and '.', at most 64 characters.</summary>
    public bool Id(string field, string? value, bool required = true)
    {
        if (!Text(field, value, IdMaxLength, required) || value is null)
        {
            return false;
        }

        if (!IdPattern().IsMatch(value))
        {
            Add(field, "may hold only letters, digits, '-', '_' and '.'.");
            return false;
        }

        return InputText.Check(this, field, value);
    }

    public bool Range(string field, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(field, $"must be between {min} and {max}.");
            return false;
        }

        return true;
    }

    public bool Currency(string field, string? code)
    {
        if (!Required(field, code))
        {
            return false;
        }

        if (!Common.Currency.TryGet(code, out _))
        {
            Add(field, $"'{Shorten(code)}' is not an ISO 4217 currency code.");
            return false;
        }

        return true;
    }

    /// <summary>
    /// A price list: each key an ISO 4217 code, each amount with no more decimals than the currency has.
    /// Zero is a deliberate choice of the caller: free shipping is a price, a free product is not.
    /// </summary>
    public void Prices(string field, IReadOnlyDictionary<string, decimal>? prices, bool required = true, bool zeroAllowed = true)
    {
        if (prices is null)
        {
            if (required)
            {
                Add(field, "is required.");
            }

            return;
        }

        if (required && prices.Count == 0)
        {
            Add(field, "needs a price in at least one currency.");
        }

        foreach (var (code, amount) in prices)
        {
            var path = $"{field}.{code}";
            if (!Common.Currency.TryGet(code, out var currency))
            {
                Add(path, $"'{Shorten(code)}' is not an ISO 4217 currency code.");
                continue;
            }

            if (Amount(path, amount, currency) && amount == 0m && !zeroAllowed)
            {
                Add(path, "must be more than zero (a product is never free; only shipping may cost nothing).");
            }
        }
    }

    public bool Amount(string field, decimal amount, Currency currency)
    {
        if (amount < 0)
        {
            Add(field, "must not be negative.");
            return false;
        }

        if (!currency.HasValidPrecision(amount))
        {
            Add(field, $"{currency.Code} has {currency.MinorUnits} decimal places; {amount.ToString(CultureInfo.InvariantCulture)} has more.");
            return false;
        }

        if (amount > Common.Currency.MaxAmount)
        {
            Add(field, $"must be at most {Common.Currency.MaxAmount.ToString(CultureInfo.InvariantCulture)}.");
            return false;
        }

        return true;
    }

    public bool TimeZone(string field, string? zone, bool required = true)
    {
        if (zone is null && !required)
        {
            return true;
        }

        if (!Required(field, zone))
        {
            return false;
        }

        if (!TimeZones.TryFind(zone, out _))
        {
            Add(field, $"'{Shorten(zone)}' is not an IANA time zone (e.g. Europe/Rome).");
            return false;
        }

        return true;
    }

    public bool Phone(string field, string? phone, bool required = true)
    {
        if (phone is null && !required)
        {
            return true;
        }

        if (!Required(field, phone))
        {
            return false;
        }

        if (!E164Pattern().IsMatch(phone))
        {
            Add(field, "must be an E.164 number: '+', country code and number, 8 to 15 digits in all (e.g. +390612345678).");
            return false;
        }

        return true;
    }

    public bool Email(string field, string? email, bool required = false)
    {
        if (email is null && !required)
        {
            return true;
        }

        if (!Text(field, email, 254, required: true))
        {
            return false;
        }

        if (!EmailPattern().IsMatch(email!))
        {
            Add(field, "is not an email address.");
            return false;
        }

        return InputText.Check(this, field, email);
    }

    public bool Color(string field, string? color)
    {
        if (!Required(field, color))
        {
            return false;
        }

        if (!ColorPattern().IsMatch(color))
        {
            Add(field, "must be a color as #RRGGBB.");
            return false;
        }

        return true;
    }

    /// <summary>Every id in a list must be unique.</summary>
    public void Unique<T>(string field, IEnumerable<T>? items, Func<T, string?> key)
    {
        if (items is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in items)
        {
            var k = key(item);
            if (k is not null && !seen.Add(k))
            {
                Add($"{field}[{index}]", $"'{Shorten(k)}' appears more than once.");
            }

            index++;
        }
    }

    /// <summary>Echoing bad input back is useful, but never a long blob of it, nor a card number in it.</summary>
    public static string Shorten(string value)
    {
        var safe = CardNumbers.Redact(value);
        return safe.Length <= 40 ? safe : safe[..40] + "…";
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}\z")]
    private static partial Regex E164Pattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+\z")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^#[0-9A-Fa-f]{6}\z")]
    private static partial Regex ColorPattern();
}
