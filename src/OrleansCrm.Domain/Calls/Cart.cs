using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>What the customer agreed to buy on the call; a close-online (C) outcome turns it into a contract.</summary>
public sealed record Cart(string? Currency, IReadOnlyList<CartLine>? Lines)
{
    public const int MaxLines = 50;

    public decimal Total() => (Lines ?? []).Sum(l => (l.UnitPrice ?? 0m) * (l.Quantity ?? 1));

    internal Cart Validated(Validator v, string path)
    {
        var currencyOk = v.Currency($"{path}.currency", Currency);
        var lines = Lines ?? [];
        if (lines.Count > MaxLines)
        {
            v.Add($"{path}.lines", $"may hold at most {MaxLines} lines.");
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = $"{path}.lines[{i}]";
            if (!v.Required(line, lines[i]))
            {
                continue;
            }

            v.Text($"{line}.product", lines[i].Product, Validator.NameMaxLength, required: true);
            v.Range($"{line}.quantity", lines[i].Quantity ?? 1, 1, 1000);
            if (v.Required($"{line}.unitPrice", lines[i].UnitPrice) && currencyOk)
            {
                v.Amount($"{line}.unitPrice", lines[i].UnitPrice!.Value, Common.Currency.Get(Currency!));
            }
        }

        return this with
        {
            Currency = Currency?.Trim().ToUpperInvariant(),
            Lines = lines.Select(l => l is null ? l! : l with { Product = l.Product is null ? null : CardNumbers.Redact(l.Product.Trim()), Quantity = l.Quantity ?? 1 }).ToList(),
        };
    }
}
