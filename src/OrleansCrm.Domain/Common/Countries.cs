using System.Globalization;

namespace OrleansCrm.Domain.Common;

/// <summary>ISO 3166-1 alpha-2 country codes, as the runtime's region data knows them.</summary>
public static class Countries
{
    public static bool IsAlpha2(string code)
    {
        if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
        {
            return false;
        }

        try
        {
            return new RegionInfo(code).TwoLetterISORegionName == code;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
