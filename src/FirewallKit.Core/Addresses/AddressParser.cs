using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
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
    private static readonly SearchValues<char> HexAndColon = SearchValues.Create("0123456789abcdefABCDEF:");

    public const string AcceptedForms =
        "use an IPv4 or IPv6 address (10.0.0.5, fd00::5), a subnet (10.0.0.0/24, 10.0.0.0/255.255.255.0, fd00::/64), "
        + "a range (10.0.0.1-10.0.0.9) or a keyword (Any, LocalSubnet, DNS, DHCP, WINS, DefaultGateway, Internet, Intranet)";

    /// <summary>The forms a set that must be literal (a server of the deployment) accepts: no keywords.</summary>
    public const string LiteralForms =
        "use the server's IPv4 or IPv6 addresses (10.0.0.5, fd00::5), a subnet (10.0.0.0/24, fd00::/64) or a range (10.0.0.1-10.0.0.9)";

    /// <summary>Either a literal range or a keyword; throws <see cref="AddressParseException"/> for anything else.</summary>
    public static AddressToken Parse(string token) =>
        TryParse(token, out var parsed, out var reason) ? parsed : throw new AddressParseException(token, reason);

    /// <param name="reason">Why the token is not an address, in the words <see cref="Describe"/> completes.</param>
    public static bool TryParse(string token, out AddressToken parsed, [NotNullWhen(false)] out string? reason)
    {
        if (TryParsePlainIPv4(token.AsSpan().Trim(), out var plain) || TryParsePlainIPv6(token, out plain))
        {
            parsed = new AddressToken(plain, null);
            reason = null;
            return true;
        }

        return TryParseAnyForm(token, out parsed, out reason);
    }

    /// <summary>Every form, and the reason a token is none of them; <see cref="TryParse(string, out AddressToken, out string?)"/> tries the common IPv4 forms first.</summary>
    internal static bool TryParseAnyForm(string token, out AddressToken parsed, [NotNullWhen(false)] out string? reason)
    {
        parsed = default;
        var text = token.Trim();
        if (text.Length == 0)
        {
            reason = "it is empty";
            return false;
        }

        // Checked before the form is guessed from ':' or '.', so the message names the real cause.
        if (UnexpectedCharacter(text) is { } unexpected)
        {
            reason = unexpected;
            return false;
        }

        if (AddressKeyword.TryParse(text, out var keyword))
        {
            parsed = new AddressToken(null, keyword);
            reason = null;
            return true;
        }

        // Read as a range, 'pon-2.corp.local' would get "'pon' is not an IPv4 address": name the real cause.
        if (IsHostName(text))
        {
            reason = $"'{text}' is a host name, but Windows Firewall rules hold addresses, not names: give the host's IPv4 or IPv6 addresses instead (Resolve-DnsName {text} lists them)";
            return false;
        }

        reason = ParseRange(text, out var range);
        if (reason is not null)
        {
            return false;
        }

        parsed = new AddressToken(range, null);
        return true;
    }

    /// <summary>
    /// An IPv6 address of hex digits and colons alone, the form a large profile's IPv6 peers take, read without the
    /// full parse's allocations; anything else (an embedded IPv4 tail, a zone, a subnet, a range) is left to it.
    /// </summary>
    private static bool TryParsePlainIPv6(string text, out AddressRange range)
    {
        range = default;
        if (text.Length is 0 or > 39 || !text.Contains(':') || text.AsSpan().ContainsAnyExcept(HexAndColon)
            || !IPAddress.TryParse(text.AsSpan(), out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        v6.TryWriteBytes(bytes, out _);
        var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        range = new AddressRange(IpFamily.V6, value, value);
        return true;
    }

    /// <summary>
    /// A DNS name such as <c>pon-2.corp.local</c> or <c>pon2</c>: labels of letters, digits and hyphens with a letter
    /// somewhere, and a dot, hyphen or digit (a lone word, or a keyword with more after it such as LocalSubnet7, is
    /// more likely a misspelt keyword). No address form has letters outside IPv6, which needs a ':'.
    /// </summary>
    public static bool IsHostName(string text) =>
        text.Any(char.IsAsciiLetter)
        && !Enum.GetNames<AddressKeywordName>().Any(k => text.StartsWith(k, StringComparison.OrdinalIgnoreCase))
        && text.Any(c => c is '.' or '-' || char.IsAsciiDigit(c))
        && text.Split('.').All(label => label.Length is > 0 and <= 63
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && label[0] != '-' && label[^1] != '-');

    /// <summary>The error message for a token that failed with <paramref name="reason"/>.</summary>
    public static string Describe(string token, string reason) =>
        reason.StartsWith($"'{token}'", StringComparison.Ordinal) ? reason : $"'{token}' is not a valid address: {reason}";

    private static string? ParseRange(string text, out AddressRange range)
    {
        range = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            return ParseSubnet(text[..slash], text[(slash + 1)..], out range);
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            if (ParseAddress(text[..dash], out var first) is { } startProblem)
            {
                return startProblem;
            }

            if (ParseAddress(text[(dash + 1)..], out var last) is { } endProblem)
            {
                return endProblem;
            }

            var (startFamily, start) = AddressRange.ToIntegerAsWritten(first);
            var (endFamily, end) = AddressRange.ToIntegerAsWritten(last);
            if (startFamily != endFamily)
            {
                return "a range cannot mix IPv4 and IPv6";
            }

            if (start > end)
            {
                return "the range is reversed: its start is above its end";
            }

            range = new AddressRange(startFamily, start, end);
            return null;
        }

        if (ParseAddress(text, out var address) is { } reason)
        {
            return reason;
        }

        var (literalFamily, literal) = AddressRange.ToIntegerAsWritten(address);
        range = new AddressRange(literalFamily, literal, literal);
        return null;
    }

    private static string? ParseSubnet(string addressText, string prefixText, out AddressRange range)
    {
        range = default;
        if (ParseAddress(addressText, out var address) is { } problem)
        {
            return problem;
        }

        var (family, value) = AddressRange.ToIntegerAsWritten(address);
        var bits = family == IpFamily.V4 ? 32 : 128;
        int prefix;
        if (int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            if (length > bits)
            {
                return $"the prefix length must be 0 to {bits}";
            }

            prefix = length;
        }
        else if (family == IpFamily.V4 && IPAddress.TryParse(prefixText, out var mask) && mask.AddressFamily == AddressFamily.InterNetwork)
        {
            if (AddressRange.PrefixFromMask(AddressRange.ToInteger(mask).Value, family) is not { } fromMask)
            {
                return "the subnet mask is not contiguous";
            }

            prefix = fromMask;
        }
        else
        {
            return "the part after '/' must be a prefix length or an IPv4 mask";
        }

        var networkMask = AddressRange.MaskOf(family, prefix);
        var start = value & networkMask;
        range = new AddressRange(family, start, start | (~networkMask & AddressRange.MaxOf(family)));
        return null;
    }

    /// <summary>
    /// The IPv4 forms dumps are made of (10.0.0.5, 10.0.0.0/24, 10.0.0.0/255.255.255.0, 10.0.0.1-10.0.0.9), read without
    /// allocating: a rule set of thousands of rules holds tens of thousands of them. Only text the full parse reads the
    /// same way is taken (no spaces, no leading zeros, a contiguous mask); everything else, errors included, is left
    /// to it.
    /// </summary>
    internal static bool TryParsePlainIPv4(ReadOnlySpan<char> text, out AddressRange range)
    {
        range = default;
        if (text.IsEmpty || text.ContainsAnyExcept(PlainIPv4Characters))
        {
            return false;
        }

        var slash = text.IndexOf('/');
        if (slash >= 0)
        {
            var prefixText = text[(slash + 1)..];
            if (!TryPlainIPv4(text[..slash], out var network) || prefixText.Contains('-'))
            {
                return false;
            }

            int prefix;
            if (!prefixText.Contains('.'))
            {
                if (prefixText.Length is 0 or > 2 || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > 32)
                {
                    return false;
                }
            }
            else if (!TryPlainIPv4(prefixText, out var mask) || AddressRange.PrefixFromMask(mask, IpFamily.V4) is not { } fromMask)
            {
                return false;
            }
            else
            {
                prefix = fromMask;
            }

            var networkMask = AddressRange.MaskOf(IpFamily.V4, prefix);
            var start = network & networkMask;
            range = new AddressRange(IpFamily.V4, start, start | (~networkMask & AddressRange.MaxV4));
            return true;
        }

        var dash = text.IndexOf('-');
        if (dash >= 0)
        {
            if (!TryPlainIPv4(text[..dash], out var first) || !TryPlainIPv4(text[(dash + 1)..], out var last) || first > last)
            {
                return false;
            }

            range = new AddressRange(IpFamily.V4, first, last);
            return true;
        }

        if (!TryPlainIPv4(text, out var single))
        {
            return false;
        }

        range = new AddressRange(IpFamily.V4, single, single);
        return true;
    }

    private const string PlainIPv4Characters = "0123456789./-";

    /// <summary>Four dotted parts of 0-255 without leading zeros, as <see cref="ParseAddress"/> accepts them, as an integer.</summary>
    private static bool TryPlainIPv4(ReadOnlySpan<char> text, out UInt128 value)
    {
        value = UInt128.Zero;
        uint result = 0;
        var parts = 0;
        while (true)
        {
            var dot = text.IndexOf('.');
            var part = dot >= 0 ? text[..dot] : text;
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || part.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }

            var number = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            if (number > 255)
            {
                return false;
            }

            result = (result << 8) | (uint)number;
            parts++;
            if (dot < 0)
            {
                break;
            }

            text = text[(dot + 1)..];
        }

        value = result;
        return parts == 4;
    }

    private static string? UnexpectedCharacter(string text)
    {
        foreach (var c in text)
        {
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                return "it contains a line break";
            }

            if (char.IsControl(c) || (char.IsWhiteSpace(c) && c != ' ') || c > '~')
            {
                return string.Create(CultureInfo.InvariantCulture, $"it contains the character U+{(int)c:X4}, which no address has");
            }
        }

        return null;
    }

    private static string? ParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        text = text.Trim();
        // IPAddress.TryParse accepts "10", "10.1" and other shorthand that Windows rejects,
        // so IPv4 must be four dotted decimal parts.
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (text.Contains('%', StringComparison.Ordinal))
            {
                return "zone indexes (%) are not allowed";
            }

            if (IPAddress.TryParse(text, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6)
            {
                address = v6;
                return null;
            }

            return $"'{text}' is not an IPv6 address";
        }

        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return $"'{text}' is not an IPv4 address (four numbers 0-255 separated by dots)";
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            if (parts[i].Length is 0 or > 3
                || !parts[i].All(char.IsAsciiDigit)
                || !byte.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return $"'{text}' is not an IPv4 address (each part must be 0-255)";
            }
        }

        // inet_aton, ping and many firewalls read 010 as octal 8: the same text would mean another address there.
        if (parts.FirstOrDefault(p => p.Length > 1 && p[0] == '0') is { } padded)
        {
            return $"'{text}' has a part with a leading zero ('{padded}'), which other tools read as an octal number: write {new IPAddress(bytes)}";
        }

        address = new IPAddress(bytes);
        return null;
    }
}
