using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FirewallKit.Core.Addresses;

/// <summary>
/// Parses one remote-address token in any form Windows accepts or reads back:
/// <c>10.0.0.5</c>, <c>10.0.0.0/24</c>, <c>10.0.0.0/255.255.255.0</c>, <c>10.0.0.1-10.0.0.9</c>,
/// the same for IPv6, and keywords such as <c>LocalSubnet</c>.
/// </summary>
public static class AddressParser
{
    public const string AcceptedForms =
        "use an IPv4 or IPv6 address (10.0.0.5, fd00::5), a subnet (10.0.0.0/24, 10.0.0.0/255.255.255.0, fd00::/64), "
        + "a range (10.0.0.1-10.0.0.9) or a keyword (Any, LocalSubnet, DNS, DHCP, WINS, DefaultGateway, Internet, Intranet)";

    /// <summary>Either a literal range or a keyword.</summary>
    public static AddressToken Parse(string token)
    {
        var text = token.Trim();
        if (text.Length == 0)
        {
            throw new AddressParseException(token, "it is empty");
        }

        if (AddressKeyword.Canonical(text) is { } keyword)
        {
            return new AddressToken(null, keyword);
        }

        return new AddressToken(ParseRange(token, text), null);
    }

    private static AddressRange ParseRange(string token, string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            return ParseSubnet(token, text[..slash], text[(slash + 1)..]);
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            var (startFamily, start) = AddressRange.ToInteger(ParseAddress(token, text[..dash]));
            var (endFamily, end) = AddressRange.ToInteger(ParseAddress(token, text[(dash + 1)..]));
            if (startFamily != endFamily)
            {
                throw new AddressParseException(token, "a range cannot mix IPv4 and IPv6");
            }

            if (start > end)
            {
                throw new AddressParseException(token, "the range is reversed: its start is above its end");
            }

            return new AddressRange(startFamily, start, end);
        }

        return AddressRange.OfAddress(ParseAddress(token, text));
    }

    private static AddressRange ParseSubnet(string token, string addressText, string prefixText)
    {
        var (family, value) = AddressRange.ToInteger(ParseAddress(token, addressText));
        var bits = family == IpFamily.V4 ? 32 : 128;
        int prefix;
        if (int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            if (length > bits)
            {
                throw new AddressParseException(token, $"the prefix length must be 0 to {bits}");
            }

            prefix = length;
        }
        else if (family == IpFamily.V4 && IPAddress.TryParse(prefixText, out var mask) && mask.AddressFamily == AddressFamily.InterNetwork)
        {
            prefix = AddressRange.PrefixFromMask(AddressRange.ToInteger(mask).Value, family)
                ?? throw new AddressParseException(token, "the subnet mask is not contiguous");
        }
        else
        {
            throw new AddressParseException(token, "the part after '/' must be a prefix length or an IPv4 mask");
        }

        var networkMask = AddressRange.MaskOf(family, prefix);
        var start = value & networkMask;
        var end = start | (~networkMask & AddressRange.MaxOf(family));
        return new AddressRange(family, start, end);
    }

    private static IPAddress ParseAddress(string token, string text)
    {
        text = text.Trim();
        // IPAddress.TryParse accepts "10", "10.1" and other shorthand that Windows rejects,
        // so IPv4 must be four dotted decimal parts.
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (text.Contains('%', StringComparison.Ordinal))
            {
                throw new AddressParseException(token, "zone indexes (%) are not allowed");
            }

            if (IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6)
            {
                return v6;
            }

            throw new AddressParseException(token, $"'{text}' is not an IPv6 address");
        }

        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            throw new AddressParseException(token, $"'{text}' is not an IPv4 address (four numbers 0-255 separated by dots)");
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            if (parts[i].Length is 0 or > 3
                || !parts[i].All(char.IsAsciiDigit)
                || !byte.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
            {
                throw new AddressParseException(token, $"'{text}' is not an IPv4 address (each part must be 0-255)");
            }
        }

        return new IPAddress(bytes);
    }
}
