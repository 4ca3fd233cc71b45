using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Ports;

/// <summary>
/// A rule's local ports: an <see cref="IntervalSet{T}"/> of port numbers plus any port keywords, so
/// the firewall's read-back (<c>80,443</c>, <c>*</c>, <c>RPC-EPMap</c>) equals what was written
/// (<c>["443", "80"]</c>, <c>Any</c>, <c>RPCEPMap</c>).
/// </summary>
public sealed class PortSet : IEquatable<PortSet>, IParsable<PortSet>
{
    public static readonly PortSet Any = new(IntervalSet<ushort>.Empty, [], isAny: true);

    // PowerShell, netsh, COM and the Group Policy rule string spell the port keywords differently; COM's spelling is
    // the one written. Windows prints the outbound IP-HTTPS keywords (IPHTTPSOut, IPTLSOut) in outbound rules' remote
    // ports; they name the same service's ports as IPHTTPS, so they read as it.
    private static readonly Dictionary<string, PortKeyword> KeywordSpellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RPC"] = PortKeyword.Rpc,
        ["RPCEPMap"] = PortKeyword.RpcEndpointMapper,
        ["RPC-EPMap"] = PortKeyword.RpcEndpointMapper,
        ["IPHTTPS"] = PortKeyword.IpHttps,
        ["IPHTTPSIn"] = PortKeyword.IpHttps,
        ["IPTLSIn"] = PortKeyword.IpHttps,
        ["IPHTTPSOut"] = PortKeyword.IpHttps,
        ["IPTLSOut"] = PortKeyword.IpHttps,
        ["Teredo"] = PortKeyword.Teredo,
        ["PlayToDiscovery"] = PortKeyword.PlayToDiscovery,
        ["Ply2Disc"] = PortKeyword.PlayToDiscovery,
        ["DHCP"] = PortKeyword.Dhcp,
        ["mDNS"] = PortKeyword.Mdns,
        ["CortanaOut"] = PortKeyword.CortanaOut,
        ["TcpCDPSvc"] = PortKeyword.TcpCdpService,
    };

    private PortSet(IntervalSet<ushort> numbers, ImmutableArray<PortKeyword> keywords, bool isAny)
    {
        Numbers = numbers;
        Keywords = keywords;
        IsAny = isAny;
    }

    public IntervalSet<ushort> Numbers { get; }

    /// <summary>Port keywords, sorted by their COM spelling.</summary>
    public ImmutableArray<PortKeyword> Keywords { get; }

    public bool IsAny { get; }

    public static PortSet Of(IEnumerable<int> ports) =>
        new(IntervalSet<ushort>.Normalise([.. ports.Select(p => new Interval<ushort>(checked((ushort)p), checked((ushort)p)))]), [], isAny: false);

    public static PortSet Of(params int[] ports) => Of((IEnumerable<int>)ports);

    /// <summary>Whether a port number is in the set; keywords (RPC, ...) are resolved by the machine, not here.</summary>
    public bool Contains(int port) => IsAny || (port is >= 0 and <= ushort.MaxValue && Numbers.Contains((ushort)port));

    /// <summary>Tokens as written or read back; a token may itself be a comma-separated list.</summary>
    public static bool TryParse(IEnumerable<string> tokens, [NotNullWhen(true)] out PortSet? set)
    {
        set = null;
        var numbers = new List<Interval<ushort>>();
        var keywords = new SortedSet<PortKeyword>(Comparer<PortKeyword>.Create((a, b) => string.CompareOrdinal(Spelling(a), Spelling(b))));
        foreach (var token in tokens.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (token == "*" || string.Equals(token, "Any", StringComparison.OrdinalIgnoreCase))
            {
                set = Any;
                return true;
            }

            if (TryRange(token) is { } range)
            {
                numbers.Add(range);
            }
            else if (KeywordSpellings.TryGetValue(token, out var keyword))
            {
                keywords.Add(keyword);
            }
            else
            {
                return false;
            }
        }

        set = new PortSet(IntervalSet<ushort>.Normalise(numbers), [.. keywords], isAny: false);
        return true;
    }

    /// <summary>Tokens known to be valid; throws <see cref="FormatException"/> for one that is not.</summary>
    public static PortSet Parse(params string[] tokens) =>
        TryParse(tokens, out var set) ? set : throw new FormatException($"'{string.Join(",", tokens)}' is not a list of ports.");

    public static PortSet Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out PortSet result)
    {
        result = null;
        return s is not null && TryParse([s], out result);
    }

    /// <summary>COM's spelling of a port keyword; the rule string's for those COM is not known to print (DHCP, mDNS, CortanaOut, TcpCDPSvc).</summary>
    public static string Spelling(PortKeyword keyword) => keyword switch
    {
        PortKeyword.Rpc => "RPC",
        PortKeyword.RpcEndpointMapper => "RPC-EPMap",
        PortKeyword.IpHttps => "IPHTTPS",
        PortKeyword.Teredo => "Teredo",
        PortKeyword.PlayToDiscovery => "Ply2Disc",
        PortKeyword.Dhcp => "DHCP",
        PortKeyword.Mdns => "mDNS",
        PortKeyword.CortanaOut => "CortanaOut",
        _ => "TcpCDPSvc",
    };

    /// <summary>Ports and ranges in shortest form, then keywords; <c>Any</c> alone.</summary>
    public IReadOnlyList<string> ToTokens() =>
        IsAny ? ["Any"] : [.. Numbers.Intervals.Select(Format), .. Keywords.Select(Spelling)];

    private static string Format(Interval<ushort> range) =>
        range.IsSingle
            ? range.Start.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{range.Start}-{range.End}");

    private static Interval<ushort>? TryRange(string token)
    {
        var dash = token.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return TryPort(token) is { } port ? new(port, port) : null;
        }

        return TryPort(token[..dash]) is { } start && TryPort(token[(dash + 1)..]) is { } end && start <= end ? new(start, end) : null;
    }

    private static ushort? TryPort(string text) =>
        text.Length is > 0 and <= 5 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && PortRange.Contains(port)
            ? (ushort)port
            : null;

    public bool Equals(PortSet? other) =>
        other is not null && IsAny == other.IsAny && Numbers.Equals(other.Numbers) && Keywords.SequenceEqual(other.Keywords);

    public override bool Equals(object? obj) => Equals(obj as PortSet);

    public override int GetHashCode() => HashCode.Combine(IsAny, Numbers, Keywords.Length);

    public override string ToString() => string.Join(", ", ToTokens());
}
