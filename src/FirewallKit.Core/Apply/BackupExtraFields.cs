using System.Globalization;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.Vocabulary;

namespace FirewallKit.Core.Apply;

/// <summary>
/// The rule fields fwkit never sets but reads back from its own rules (a hand edit), as docs/windows.md lists them,
/// with the values Windows documents for each. A backup may carry only these: a rollback writes them to the firewall.
/// </summary>
public static class BackupExtraFields
{
    /// <summary>Longest value of a text field (a program path, an SDDL list) fwkit restores.</summary>
    public const int MaxTextLength = 4096;

    private static readonly string[] TextFields =
    [
        "applicationName", "serviceName", "interfaces", "localAppPackageId", "localUserOwner", "localUserAuthorizedList",
        "remoteUserAuthorizedList", "remoteMachineAuthorizedList",
    ];

    private static readonly string[] InterfaceTypes = ["All", "Lan", "Wireless", "RemoteAccess"];

    /// <summary>Every key of the field table.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        [.. TextFields, "remotePorts", "localAddresses", "icmpTypesAndCodes", "interfaceTypes", "edgeTraversalOptions", "edgeTraversal", "secureFlags"];

    /// <summary>Why <paramref name="value"/> is not a value fwkit could have read for <paramref name="key"/>, or null when it is.</summary>
    public static string? Problem(string key, string value)
    {
        if (!Keys.Contains(key, StringComparer.Ordinal))
        {
            return $"'{key}' is not a rule field fwkit reads (docs/windows.md lists them)";
        }

        if (value.Length > MaxTextLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the value of '{key}' is {value.Length:N0} characters, more than {MaxTextLength:N0}");
        }

        if (PrintableRuleText.FirstUnprintable(value) is { } character)
        {
            return $"the value of '{key}' contains the character {character}";
        }

        return key switch
        {
            // NET_FW_EDGE_TRAVERSAL_TYPE: DENY 0, ALLOW 1, DEFER_TO_APP 2, DEFER_TO_USER 3.
            "edgeTraversalOptions" => Number(value) is >= 0 and <= 3 ? null : $"edgeTraversalOptions '{value}' is not 0 to 3",
            // NET_FW_AUTHENTICATE_TYPE: NONE 0 ... AND_ENCRYPT 4.
            "secureFlags" => Number(value) is >= 0 and <= 4 ? null : $"secureFlags '{value}' is not 0 to 4",
            "edgeTraversal" => value == "true" ? null : $"edgeTraversal '{value}' is not true",
            "remotePorts" => PortSet.TryParse(value.Split(','), out _) ? null : $"remotePorts '{value}' is not a list of ports",
            "localAddresses" => AddressSet.TryParse(value.Split(','), out _) ? null : $"localAddresses '{value}' is not a list of addresses",
            "interfaceTypes" => value.Split(',').All(t => InterfaceTypes.Contains(t.Trim(), StringComparer.OrdinalIgnoreCase)) ? null : $"interfaceTypes '{value}' is not a list of All, Lan, Wireless and RemoteAccess",
            // fwkit's rules are TCP or UDP, which Windows gives no ICMP types.
            "icmpTypesAndCodes" => "a TCP or UDP rule has no ICMP types",
            _ => null,
        };
    }

    private static int? Number(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
