using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FirewallKit.Core.Catalog;

/// <summary>Parses product versions strictly: two to four dot-separated numbers, nothing else.</summary>
public static class ProductVersion
{
    public static bool TryParse(string text, [NotNullWhen(true)] out Version? version)
    {
        version = null;
        var parts = text.Split('.');
        if (parts.Length is < 2 or > 4 || parts.Any(p => p.Length == 0 || p.Length > 9 || !p.All(char.IsAsciiDigit)))
        {
            return false;
        }

        var numbers = parts.Select(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        version = numbers.Length switch
        {
            2 => new Version(numbers[0], numbers[1], 0),
            3 => new Version(numbers[0], numbers[1], numbers[2]),
            _ => new Version(numbers[0], numbers[1], numbers[2], numbers[3]),
        };
        return true;
    }
}
