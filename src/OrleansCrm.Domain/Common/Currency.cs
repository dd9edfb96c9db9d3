using System.Collections.Frozen;

namespace OrleansCrm.Domain.Common;

/// <summary>
/// An ISO 4217 currency and its minor units. Amounts travel as decimals in major units
/// (19.99 USD, 1500 JPY, 1.250 BHD) and may not carry more decimals than the currency has.
/// </summary>
public sealed record Currency(string Code, int MinorUnits)
{
    /// <summary>A sanity cap on any single amount: no call-center order is worth a billion.</summary>
    public const decimal MaxAmount = 999_999_999m;

    // Active ISO 4217 codes (funds and precious metals left out) with their minor units.
    private const string Table =
        "AED2 AFN2 ALL2 AMD2 ANG2 AOA2 ARS2 AUD2 AWG2 AZN2 BAM2 BBD2 BDT2 BGN2 BHD3 BIF0 BMD2 BND2 BOB2 BRL2 " +
        "BSD2 BTN2 BWP2 BYN2 BZD2 CAD2 CDF2 CHF2 CLP0 CNY2 COP2 CRC2 CUP2 CVE2 CZK2 DJF0 DKK2 DOP2 DZD2 EGP2 " +
        "ERN2 ETB2 EUR2 FJD2 FKP2 GBP2 GEL2 GHS2 GIP2 GMD2 GNF0 GTQ2 GYD2 HKD2 HNL2 HTG2 HUF2 IDR2 ILS2 INR2 " +
        "IQD3 IRR2 ISK0 JMD2 JOD3 JPY0 KES2 KGS2 KHR2 KMF0 KPW2 KRW0 KWD3 KYD2 KZT2 LAK2 LBP2 LKR2 LRD2 LSL2 " +
        "LYD3 MAD2 MDL2 MGA2 MKD2 MMK2 MNT2 MOP2 MRU2 MUR2 MVR2 MWK2 MXN2 MYR2 MZN2 NAD2 NGN2 NIO2 NOK2 NPR2 " +
        "NZD2 OMR3 PAB2 PEN2 PGK2 PHP2 PKR2 PLN2 PYG0 QAR2 RON2 RSD2 RUB2 RWF0 SAR2 SBD2 SCR2 SDG2 SEK2 SGD2 " +
        "SHP2 SLE2 SOS2 SRD2 SSP2 STN2 SVC2 SYP2 SZL2 THB2 TJS2 TMT2 TND3 TOP2 TRY2 TTD2 TWD2 TZS2 UAH2 UGX0 " +
        "USD2 UYU2 UZS2 VES2 VND0 VUV0 WST2 XAF0 XCD2 XOF0 XPF0 YER2 ZAR2 ZMW2 ZWG2";

    private static readonly FrozenDictionary<string, Currency> All = Table
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(entry => new Currency(entry[..3], entry[3] - '0'))
        .ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    public static bool TryGet(string code, out Currency currency)
    {
        if (code is not null && All.TryGetValue(code, out var found))
        {
            currency = found;
            return true;
        }

        currency = null!;
        return false;
    }

    public static Currency Get(string code) =>
        TryGet(code, out var currency) ? currency : throw new ArgumentException($"Unknown currency '{code}'.", nameof(code));

    /// <summary>Whether the amount fits the currency's minor units (no fractions of a cent, none at all for JPY).</summary>
    public bool HasValidPrecision(decimal amount) => decimal.Round(amount, MinorUnits) == amount;

    /// <summary>The amount in minor units (cents), the unit every calculation and every provider uses.</summary>
    public long ToMinorUnits(decimal amount) => (long)decimal.Round(amount * Pow10(MinorUnits), 0, MidpointRounding.AwayFromZero);

    public decimal FromMinorUnits(long minor) => Exactly(minor / Pow10(MinorUnits));

    /// <summary>
    /// The amount rounded to the currency's minor units and written with exactly that many decimals
    /// (USD 54.90, not 54.9 or 54.900; JPY 6500, not 6500.000), whatever store or sum it came from.
    /// </summary>
    public decimal Exactly(decimal amount) =>
        decimal.Round(amount, MinorUnits, MidpointRounding.AwayFromZero) + new decimal(0, 0, 0, false, (byte)MinorUnits);

    private static decimal Pow10(int digits) => digits switch { 0 => 1m, 1 => 10m, 2 => 100m, 3 => 1000m, _ => throw new ArgumentOutOfRangeException(nameof(digits)) };
}
