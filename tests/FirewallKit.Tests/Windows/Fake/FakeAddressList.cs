using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows.Fake;

/// <summary>
/// What INetFwRule's LocalAddresses/RemoteAddresses puts accept and how they read back, as on a
/// current Windows: <c>*</c> alone for any; the keywords (remote only, any case) INetFwRule documents
/// (Defaultgateway, DHCP, DNS, WINS, LocalSubnet) and the ones Windows 10 1809 and later take
/// (Intranet, RmtIntranet, Internet, Ply2Renders: the Firewall CSP's RemoteAddressRanges; CaptivePortal),
/// read back in Windows' fixed order and in its own spellings, which are not always the documented
/// ones (DefaultGateway, IntrAnet, IntErnet, RmtIntrAnet: the strings FirewallAPI.dll formats them with);
/// IPv4 subnets in prefix or mask form read back in mask form, a bare IPv4 address as
/// <c>/255.255.255.255</c>; IPv6 subnets as <c>/n</c>, and a single IPv6 address as the range of
/// itself, <c>a-a</c> (WindowsFirewallHelper issue #6; FirewallAPI.dll prints a one-address IPv6
/// range as a range when asked for ranges); ranges <c>a-b</c>. The PowerShell names PlayToDevice and
/// IntranetRemoteAccess are not COM tokens here (none of Microsoft's COM or CSP pages lists them).
/// Refused with 0xD000000D ([MS-FASP] 2.2.4, 2.2.6, 2.2.10): a prefix or mask of 0, and the IPv6
/// unspecified or loopback address as a subnet or range end. Refused with E_INVALIDARG: anything
/// else, and more than 1000 entries in one list (subnets and ranges per family count apart).
/// Read-back order: keywords, IPv4 subnets, IPv4 ranges, IPv6 subnets, IPv6 ranges (single IPv6 addresses among them).
/// </summary>
internal static class FakeAddressList
{
    public const int MaxEntriesPerList = 1000;

    /// <summary>Each keyword as a put takes it (any case) and as Windows reads it back, in Windows' order.</summary>
    private static readonly (string Token, string ReadBack)[] Keywords =
    [
        ("LocalSubnet", "LocalSubnet"),
        ("DNS", "DNS"),
        ("DHCP", "DHCP"),
        ("WINS", "WINS"),
        ("Defaultgateway", "DefaultGateway"),
        ("Intranet", "IntrAnet"),
        ("Internet", "IntErnet"),
        ("Ply2Renders", "Ply2Renders"),
        ("RmtIntranet", "RmtIntrAnet"),
        ("CaptivePortal", "CaptivePortal"),
    ];

    public static string Normalize(string? text, bool keywordsAllowed)
    {
        if (string.IsNullOrEmpty(text) || text == NetFwAny)
        {
            return NetFwAny;
        }

        var keywords = new SortedSet<int>();
        List<string> v4Subnets = [], v4Ranges = [], v6Subnets = [], v6Ranges = [];
        foreach (var token in text.Split(','))
        {
            var keyword = Array.FindIndex(Keywords, k => string.Equals(k.Token, token, StringComparison.OrdinalIgnoreCase));
            if (keyword >= 0)
            {
                _ = keywordsAllowed ? keywords.Add(keyword) : throw Invalid($"keyword '{token}' is not allowed here");
            }
            else if (token.Contains('-', StringComparison.Ordinal))
            {
                var (start, end) = (Address(token[..token.IndexOf('-')]), Address(token[(token.IndexOf('-') + 1)..]));
                if (start.AddressFamily != end.AddressFamily || Compare(start, end) > 0)
                {
                    throw Invalid($"'{token}' is not a range");
                }

                RefuseReservedIPv6(start, token);
                RefuseReservedIPv6(end, token);
                (start.AddressFamily == AddressFamily.InterNetwork ? v4Ranges : v6Ranges).Add($"{start}-{end}");
            }
            else if (token.Contains('/', StringComparison.Ordinal))
            {
                var address = Address(token[..token.IndexOf('/')]);
                var prefix = Prefix(token[(token.IndexOf('/') + 1)..], address.AddressFamily, token);
                if (address.AddressFamily == AddressFamily.InterNetwork)
                {
                    v4Subnets.Add($"{address}/{Mask(prefix)}");
                }
                else
                {
                    RefuseReservedIPv6(address, token);
                    v6Subnets.Add($"{address}/{prefix}");
                }
            }
            else
            {
                var address = Address(token);
                if (address.AddressFamily == AddressFamily.InterNetwork)
                {
                    v4Subnets.Add($"{address}/255.255.255.255");
                }
                else
                {
                    RefuseReservedIPv6(address, token);
                    v6Ranges.Add($"{address}-{address}");
                }
            }
        }

        if (new[] { v4Subnets, v4Ranges, v6Subnets, v6Ranges }.Any(list => list.Count > MaxEntriesPerList))
        {
            throw Invalid($"more than {MaxEntriesPerList} entries in one list");
        }

        return string.Join(",", keywords.Select(k => Keywords[k].ReadBack).Concat(v4Subnets).Concat(v4Ranges).Concat(v6Subnets).Concat(v6Ranges));
    }

    private const string NetFwAny = "*";

    private static IPAddress Address(string text)
    {
        // IPAddress.Parse takes "10" and "10.1" as IPv4; the firewall wants dotted quads.
        var quad = text.Count(c => c == '.') == 3;
        return (quad || text.Contains(':', StringComparison.Ordinal)) && IPAddress.TryParse(text, out var address) && !text.Contains('%', StringComparison.Ordinal)
            ? address
            : throw Invalid($"'{text}' is not an IP address");
    }

    private static int Prefix(string text, AddressFamily family, string token)
    {
        int prefix;
        if (family == AddressFamily.InterNetwork && text.Contains('.', StringComparison.Ordinal))
        {
            var mask = Address(text);
            var bits = BitConverter.ToUInt32([.. mask.GetAddressBytes().Reverse()]);
            prefix = System.Numerics.BitOperations.PopCount(bits);
            if (prefix > 0 && bits != uint.MaxValue << (32 - prefix))
            {
                throw Invalid($"'{token}' has a mask that is not contiguous");
            }
        }
        else if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out prefix))
        {
            throw Invalid($"'{token}' has no prefix length");
        }

        var max = family == AddressFamily.InterNetwork ? 32 : 128;
        return prefix == 0 ? throw Forbidden($"'{token}' has prefix 0")
            : prefix > max ? throw Invalid($"'{token}' has a prefix longer than {max}")
            : prefix;
    }

    private static string Mask(int prefix) => new IPAddress(BitConverter.GetBytes(uint.MaxValue << (32 - prefix)).Reverse().ToArray()).ToString();

    private static void RefuseReservedIPv6(IPAddress address, string token)
    {
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback))
        {
            throw Forbidden($"'{token}' uses the IPv6 unspecified or loopback address");
        }
    }

    private static int Compare(IPAddress a, IPAddress b) =>
        ((ReadOnlySpan<byte>)a.GetAddressBytes()).SequenceCompareTo(b.GetAddressBytes());

    private static COMException Invalid(string why) => new(why, ComErrors.InvalidArgument);

    private static COMException Forbidden(string why) => new(why, ComErrors.InvalidParameter);
}
