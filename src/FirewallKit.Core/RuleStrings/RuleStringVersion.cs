using System.Globalization;

namespace FirewallKit.Core.RuleStrings;

/// <summary>
/// A version of the [MS-GPFAS] 2.2.2.19 rule grammar (<c>v2.10</c>). Windows reads a rule string of its own version or
/// an older one, and ignores a rule whose version is newer than its own, so fwkit writes the lowest version that carries
/// every field a rule uses (<see cref="RuleStringCodec"/>). The versions are the firewall's binary policy versions of
/// [MS-FASP] 2.2.42: 2.0 is Windows Vista and Server 2008, 2.10 Windows 7 and Server 2008 R2, 2.20 Windows 8 and
/// Server 2012; Windows 10, 11 and Server 2016 to 2025 write 2.24 and later (2.33 on Windows 11 24H2).
/// </summary>
public sealed record RuleStringVersion(int Major, int Minor) : IComparable<RuleStringVersion>
{
    /// <summary>Windows Vista and Server 2008: single ports, address literals, the five basic address keywords.</summary>
    public static readonly RuleStringVersion V2_0 = new(2, 0);

    /// <summary>Windows 7 and Server 2008 R2: port ranges (<c>LPort2_10</c>, <c>RPort2_10</c>), <c>Defer</c>, <c>Security2_9</c>.</summary>
    public static readonly RuleStringVersion V2_10 = new(2, 10);

    /// <summary>Windows 8 and Server 2012: the newer address keywords (<c>RA42</c>, <c>RA62</c>) and <c>LPort2_20</c>, app packages.</summary>
    public static readonly RuleStringVersion V2_20 = new(2, 20);

    /// <summary>The captive-portal keyword: [MS-FASP] FW_ADDRESS_KEYWORD_MAX_V2_29 stops below it.</summary>
    public static readonly RuleStringVersion V2_30 = new(2, 30);

    /// <summary>The newest version seen written by Windows (Windows 11, 2025); a newer one is read, and its unknown fields reported.</summary>
    public static readonly RuleStringVersion Newest = new(2, 33);

    /// <summary><c>v2.10</c> or <c>2.10</c>; null for anything else.</summary>
    public static RuleStringVersion? TryParse(string text)
    {
        var body = text.StartsWith('v') ? text[1..] : text;
        var dot = body.IndexOf('.', StringComparison.Ordinal);
        return dot > 0
            && int.TryParse(body[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(body[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            && body[(dot + 1)..].Length is > 0 and <= 3
                ? new RuleStringVersion(major, minor)
                : null;
    }

    public static RuleStringVersion Max(RuleStringVersion a, RuleStringVersion b) => a.CompareTo(b) >= 0 ? a : b;

    public int CompareTo(RuleStringVersion? other) =>
        other is null ? 1 : Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"v{Major}.{Minor}");
}
