using System.Globalization;

namespace FirewallKit.Core.RuleWords;

/// <summary>A rule's IP protocol: <see cref="Number"/> is null for Any, else 0-255 (TCP 6, UDP 17, ICMPv4 1, ICMPv6 58).</summary>
public sealed record IpProtocol(int? Number)
{
    public static readonly IpProtocol Any = new((int?)null);
    public static readonly IpProtocol Tcp = new(6);
    public static readonly IpProtocol Udp = new(17);

    private static readonly Dictionary<string, int> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TCP"] = 6, ["UDP"] = 17, ["ICMPv4"] = 1, ["ICMP"] = 1, ["ICMPv6"] = 58, ["IGMP"] = 2, ["HOPOPT"] = 0,
        ["IPv6"] = 41, ["IPv6-Route"] = 43, ["IPv6-Frag"] = 44, ["GRE"] = 47, ["IPv6-NoNxt"] = 59, ["IPv6-Opts"] = 60,
        ["VRRP"] = 112, ["PGM"] = 113, ["L2TP"] = 115,
    };

    public const string AcceptedForms = "use TCP, UDP, ICMPv4, ICMPv6, Any or a protocol number 0-255";

    /// <summary>Whether traffic of <paramref name="transport"/> matches the rule's protocol.</summary>
    public bool Carries(TransportProtocol transport) => Number is null || Number == (transport == TransportProtocol.Tcp ? 6 : 17);

    public static IpProtocol? TryParse(string text)
    {
        text = text.Trim();
        if (text.Length == 0 || string.Equals(text, "Any", StringComparison.OrdinalIgnoreCase) || text == "*")
        {
            return Any;
        }

        if (Names.TryGetValue(text, out var number))
        {
            return new IpProtocol(number);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number <= 255 ? new IpProtocol(number) : null;
    }

    public override string ToString() => Number switch
    {
        null => "Any",
        6 => "TCP",
        17 => "UDP",
        1 => "ICMPv4",
        58 => "ICMPv6",
        var n => n.Value.ToString(CultureInfo.InvariantCulture),
    };
}
