namespace FirewallKit.Core.Addresses;

/// <summary>
/// The remote-address keywords Windows Firewall accepts. They name sets the firewall
/// resolves at run time, so they cannot be complemented or merged with literal ranges.
/// </summary>
public static class AddressKeyword
{
    public const string Any = "Any";

    private static readonly string[] Bases =
    [
        "LocalSubnet", "DNS", "DHCP", "WINS", "DefaultGateway", "Internet", "Intranet",
        "IntranetRemoteAccess", "PlayToDevice", "CaptivePortal",
    ];

    /// <summary>Canonical spelling of a keyword (with optional 4/6 suffix), or null when it is not one.</summary>
    public static string? Canonical(string text)
    {
        if (string.Equals(text, Any, StringComparison.OrdinalIgnoreCase) || text == "*")
        {
            return Any;
        }

        foreach (var keyword in Bases)
        {
            if (string.Equals(text, keyword, StringComparison.OrdinalIgnoreCase))
            {
                return keyword;
            }

            if (text.Length == keyword.Length + 1
                && text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)
                && (text[^1] == '4' || text[^1] == '6'))
            {
                return keyword + text[^1];
            }
        }

        return null;
    }
}
