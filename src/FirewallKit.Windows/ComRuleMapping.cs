using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Ports;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Vocabulary;

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
        if (RuleText.IsRefused(rule.Name) || string.Equals(rule.Name, "all", StringComparison.OrdinalIgnoreCase))
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

    /// <summary>A rule as read from the firewall, or why fwkit cannot manage it; never a guess.</summary>
    public static ComRuleRead FromCom(ComRuleValues values)
    {
        if (values.Direction != NetFwValues.DirectionIn)
        {
            return Unmanageable(values, "is an outbound rule");
        }

        RuleAction action;
        switch (values.Action)
        {
            case NetFwValues.ActionAllow: action = RuleAction.Allow; break;
            case NetFwValues.ActionBlock: action = RuleAction.Block; break;
            default: return Unmanageable(values, $"has action {values.Action}");
        }

        TransportProtocol protocol;
        switch (values.Protocol)
        {
            case NetFwValues.ProtocolTcp: protocol = TransportProtocol.Tcp; break;
            case NetFwValues.ProtocolUdp: protocol = TransportProtocol.Udp; break;
            default: return Unmanageable(values, $"has protocol {values.Protocol}");
        }

        if (!PortSet.TryParse([values.LocalPorts], out var ports))
        {
            return Unmanageable(values, $"has local ports fwkit cannot read ('{values.LocalPorts}')");
        }

        if (!AddressSet.TryParse([values.RemoteAddresses], out var addresses))
        {
            return Unmanageable(values, $"has remote addresses fwkit cannot read ('{values.RemoteAddresses}')");
        }

        var (displayName, description) = SplitDescription(values.Description);
        return ComRuleRead.Of(new FirewallRule
        {
            Name = values.Name,
            DisplayName = displayName,
            Description = description,
            Group = values.Grouping,
            Action = action,
            Protocol = protocol,
            // COM holds Any as "*", and an empty list means Any to it as well.
            LocalPorts = values.LocalPorts.Length == 0 ? PortSet.Any : ports,
            RemoteAddresses = values.RemoteAddresses.Length == 0 ? AddressSet.Any : addresses,
            Profiles = ProfilesFromMask(values.Profiles),
            Enabled = values.Enabled,
        });
    }

    public static int ProtocolNumber(TransportProtocol protocol) =>
        protocol == TransportProtocol.Tcp ? NetFwValues.ProtocolTcp : NetFwValues.ProtocolUdp;

    public static int ProfileMask(FirewallProfiles profiles) =>
        (profiles & FirewallProfiles.All) == FirewallProfiles.All ? NetFwValues.ProfileAll : (int)(profiles & FirewallProfiles.All);

    public static FirewallProfiles ProfilesFromMask(int mask) =>
        mask == NetFwValues.ProfileAll ? FirewallProfiles.All : (FirewallProfiles)mask & FirewallProfiles.All;

    /// <summary>Comma-joined ports and ranges in COM keyword spelling, or <c>*</c>.</summary>
    public static string PortList(PortSet ports) => ports.IsAny ? NetFwValues.Any : string.Join(",", ports.ToTokens());

    /// <summary>Comma-joined addresses in their shortest form, or <c>*</c>; an empty set would mean Any to COM, so it is refused.</summary>
    public static string AddressList(AddressSet addresses)
    {
        if (addresses.IsEmpty)
        {
            throw new ArgumentException("A rule needs at least one remote address; COM would read an empty list as Any.", nameof(addresses));
        }

        return addresses.IsAny ? NetFwValues.Any : string.Join(",", addresses.ToTokens());
    }

    public static string ComposeDescription(string displayName, string description) =>
        description.Length == 0 ? displayName : displayName + DescriptionSeparator + description;

    public static (string DisplayName, string Description) SplitDescription(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? (text, string.Empty) : (text[..newline].TrimEnd('\r'), text[(newline + 1)..]);
    }

    private static ComRuleRead Unmanageable(ComRuleValues values, string what) =>
        ComRuleRead.Refused($"rule '{values.Name}' in group '{values.Grouping}' {what}; fwkit manages inbound TCP and UDP allow and block rules only: delete it or move it to another group, then run fwkit again");
}
