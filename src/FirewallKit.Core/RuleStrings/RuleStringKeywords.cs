using FirewallKit.Core.Addresses;

namespace FirewallKit.Core.RuleStrings;

/// <summary>
/// The address keywords as the rule grammar spells them ([MS-GPFAS] 2.2.2.13): the five basic ones go in <c>RA4</c>/<c>RA6</c>
/// since v2.0, the newer ones (ADDRESS-KEYWORD-VAL-2-20) only in <c>RA42</c>/<c>RA62</c>, which older Windows ignores.
/// </summary>
internal static class RuleStringKeywords
{
    private static readonly (AddressKeywordName Name, string Spelling, RuleStringVersion Since)[] All =
    [
        (AddressKeywordName.LocalSubnet, "LocalSubnet", RuleStringVersion.V2_0),
        (AddressKeywordName.DNS, "DNS", RuleStringVersion.V2_0),
        (AddressKeywordName.DHCP, "DHCP", RuleStringVersion.V2_0),
        (AddressKeywordName.WINS, "WINS", RuleStringVersion.V2_0),
        (AddressKeywordName.DefaultGateway, "DefaultGateway", RuleStringVersion.V2_0),
        (AddressKeywordName.Intranet, "IntrAnet", RuleStringVersion.V2_20),
        (AddressKeywordName.Internet, "IntErnet", RuleStringVersion.V2_20),
        (AddressKeywordName.PlayToDevice, "Ply2Renders", RuleStringVersion.V2_20),
        (AddressKeywordName.IntranetRemoteAccess, "RmtIntrAnet", RuleStringVersion.V2_20),
        (AddressKeywordName.CaptivePortal, "CaptivePortal", RuleStringVersion.V2_30),
    ];

    public static (string Spelling, RuleStringVersion Since, bool Newer) Of(AddressKeywordName name)
    {
        var entry = All.First(k => k.Name == name);
        return (entry.Spelling, entry.Since, entry.Since.CompareTo(RuleStringVersion.V2_20) >= 0);
    }

    /// <summary>The keyword of a grammar spelling, in the key it belongs in (<paramref name="newer"/>: RA42/RA62); null otherwise.</summary>
    public static AddressKeywordName? Find(string spelling, bool newer)
    {
        foreach (var (name, text, since) in All)
        {
            if (string.Equals(text, spelling, StringComparison.OrdinalIgnoreCase) && since.CompareTo(RuleStringVersion.V2_20) >= 0 == newer)
            {
                return name;
            }
        }

        return null;
    }
}
