using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Profiles;

namespace FirewallKit.Windows;

/// <summary>
/// The plan's rule model to INetFwRule property values and back. Pure, so it is tested anywhere.
/// <para>
/// Names: a COM rule has a single name field, <c>INetFwRule.Name</c> (PowerShell's DisplayName),
/// and no rule ID. fwkit stores the plan rule's stable <see cref="FirewallRule.Name"/> there, since
/// the diff, <c>INetFwRules.Item</c> and <c>Remove</c> all key on it and must find the same rule on
/// every run; a display name is prose that may change with the catalog. The display name travels
/// as the first line of <c>Description</c>, the rule's description after it. So in wf.msc and
/// <c>Get-NetFirewallRule</c> the rule's DisplayName is its fwkit ID (its PowerShell Name is a
/// GUID). Rules written by the PowerShell export have the readable DisplayName as their COM name;
/// <see cref="RuleOwnership"/> still knows them by fwkit's marker in their description, so the
/// first <c>apply</c> after an export replaces them once and they then stay stable.
/// </para>
/// </summary>
public static class ComRuleMapping
{
    /// <summary>Between the display name and the description; wf.msc shows it as a line break.</summary>
    public const string DescriptionSeparator = "\r\n";

    public static ComRuleValues ToCom(FirewallRule rule)
    {
        if (rule.Name.Contains('|', StringComparison.Ordinal) || string.Equals(rule.Name, "all", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{rule.Name}' cannot be a firewall rule name: it contains '|' or is 'all'.", nameof(rule));
        }

        return new ComRuleValues(
            rule.Name,
            ComposeDescription(rule.DisplayName, rule.Description),
            rule.Group,
            NetFwValues.DirectionIn,
            rule.Action == RuleAction.Allow ? NetFwValues.ActionAllow : NetFwValues.ActionBlock,
            ProtocolNumber(rule.Protocol),
            PortList(rule.LocalPorts),
            AddressList(rule.RemoteAddresses),
            ProfileMask(rule.Profiles),
            rule.Enabled);
    }

    /// <summary>A rule as read from the firewall; throws <see cref="FirewallStoreException"/> for one fwkit cannot manage.</summary>
    public static FirewallRule FromCom(ComRuleValues values)
    {
        var (displayName, description) = SplitDescription(values.Description);
        return new FirewallRule(
            values.Name,
            displayName,
            description,
            values.Grouping,
            values.Direction == NetFwValues.DirectionIn ? RuleDirection.Inbound : throw Unmanageable(values, "is an outbound rule"),
            values.Action switch
            {
                NetFwValues.ActionAllow => RuleAction.Allow,
                NetFwValues.ActionBlock => RuleAction.Block,
                _ => throw Unmanageable(values, $"has action {values.Action}"),
            },
            values.Protocol switch
            {
                NetFwValues.ProtocolTcp => TransportProtocol.Tcp,
                NetFwValues.ProtocolUdp => TransportProtocol.Udp,
                _ => throw Unmanageable(values, $"has protocol {values.Protocol}"),
            },
            Split(values.LocalPorts),
            Split(values.RemoteAddresses),
            ProfilesFromMask(values.Profiles),
            values.Enabled);
    }

    public static int ProtocolNumber(TransportProtocol protocol) =>
        protocol == TransportProtocol.Tcp ? NetFwValues.ProtocolTcp : NetFwValues.ProtocolUdp;

    public static int ProfileMask(FirewallProfiles profiles) =>
        (profiles & FirewallProfiles.All) == FirewallProfiles.All ? NetFwValues.ProfileAll : (int)(profiles & FirewallProfiles.All);

    public static FirewallProfiles ProfilesFromMask(int mask) =>
        mask == NetFwValues.ProfileAll ? FirewallProfiles.All : (FirewallProfiles)mask & FirewallProfiles.All;

    /// <summary>Comma-joined ports and ranges in COM keyword spelling, or <c>*</c>.</summary>
    public static string PortList(IReadOnlyList<string> ports)
    {
        var set = PortSet.Parse(ports);
        return set.IsAny ? NetFwValues.Any : string.Join(",", set.ToTokens());
    }

    /// <summary>Comma-joined addresses in their shortest form, or <c>*</c>; an empty list would mean Any to COM, so it is refused.</summary>
    public static string AddressList(IReadOnlyList<string> addresses)
    {
        var set = AddressSet.Parse(addresses.SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        if (set.IsEmpty)
        {
            throw new ArgumentException("A rule needs at least one remote address; COM would read an empty list as Any.", nameof(addresses));
        }

        return set.IsAny ? NetFwValues.Any : string.Join(",", set.ToTokens());
    }

    public static string ComposeDescription(string displayName, string description) =>
        description.Length == 0 ? displayName : displayName + DescriptionSeparator + description;

    public static (string DisplayName, string Description) SplitDescription(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? (text, string.Empty) : (text[..newline].TrimEnd('\r'), text[(newline + 1)..]);
    }

    private static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static FirewallStoreException Unmanageable(ComRuleValues values, string what) =>
        new($"rule '{values.Name}' in group '{values.Grouping}' {what}; fwkit manages inbound TCP and UDP allow and block rules only: delete it or move it to another group, then run fwkit again");
}
