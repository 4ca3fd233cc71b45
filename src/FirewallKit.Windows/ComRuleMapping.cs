using System.Globalization;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Ports;
using FirewallKit.Core.Profiles;
using FirewallKit.Core.Vocabulary;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Windows;

/// <summary>
/// The plan's rule model to a <see cref="ComRuleRecord"/> (every field of INetFwRule3) and back.
/// Pure, so it is tested anywhere.
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
/// <para>
/// Every field that changes which packets a rule matches or what it does is read: the ones the
/// plan never sets (program, service, local addresses, remote ports, interfaces, edge traversal,
/// ICMP types, the INetFwRule3 user, package and security fields) become
/// <see cref="FirewallRule.ExtraFields"/> when set, so a hand edit on an owned rule is drift.
/// A rule outside the model (outbound, another protocol or action, lists fwkit cannot read) is
/// unrepresentable: reported, never touched.
/// </para>
/// </summary>
public static class ComRuleMapping
{
    /// <summary>Between the display name and the description; wf.msc shows it as a line break.</summary>
    public const string DescriptionSeparator = "\r\n";

    /// <summary>The RemoteAddresses keywords INetFwRule documents; anything else fwkit does not send through COM.</summary>
    public static readonly IReadOnlyList<AddressKeyword> DocumentedKeywords =
    [
        AddressKeyword.Any,
        new(AddressKeywordName.DefaultGateway),
        new(AddressKeywordName.DHCP),
        new(AddressKeywordName.DNS),
        new(AddressKeywordName.WINS),
        AddressKeyword.LocalSubnet,
    ];

    /// <summary>
    /// The record to write for <paramref name="rule"/>. Fields the plan leaves at their default
    /// keep the spelling <paramref name="current"/> already holds (Windows may read "any" back as
    /// <c>*</c> or as nothing), so an unchanged rule takes no put.
    /// </summary>
    /// <exception cref="FirewallStoreException">The rule cannot be written through COM; the message names it and the fix.</exception>
    public static ComRuleRecord ToRecord(FirewallRule rule, ComRuleRecord? current = null)
    {
        if (RuleText.IsRefused(rule.Name) || string.Equals(rule.Name, "all", StringComparison.OrdinalIgnoreCase) || rule.Name.Length == 0)
        {
            throw new FirewallStoreException($"'{rule.Name}' cannot be a firewall rule name: it is empty, contains '|' or is 'all'; rename it in the catalog or rule file");
        }

        var description = ComposeDescription(rule.DisplayName, rule.Description);
        if (description.Length >= RuleText.DescriptionLimit)
        {
            throw new FirewallStoreException(string.Create(CultureInfo.InvariantCulture, $"rule '{rule.Name}' has a description of {description.Length} characters with its display name, and Windows refuses {RuleText.DescriptionLimit} or more: shorten the catalog entry's texts"));
        }

        var record = new ComRuleRecord
        {
            Name = rule.Name,
            Description = description,
            Grouping = rule.Group,
            Direction = NetFwValues.DirectionIn,
            Action = rule.Action == RuleAction.Allow ? NetFwValues.ActionAllow : NetFwValues.ActionBlock,
            Protocol = ProtocolNumber(rule.Protocol),
            LocalPorts = PortList(rule.LocalPorts),
            RemotePorts = NetFwValues.Any,
            LocalAddresses = NetFwValues.Any,
            RemoteAddresses = AddressList(rule),
            InterfaceTypes = ComExtraField.AllInterfaceTypes,
            Profiles = ProfileMask(rule.Profiles),
            Enabled = rule.Enabled,
        };

        if (current is not null)
        {
            // Windows reads lists back in its own forms (masks, /128, its order): a list that
            // means the same keeps the store's spelling, so it is not put again.
            record = record with
            {
                LocalPorts = SamePorts(current.LocalPorts, record.LocalPorts) ? current.LocalPorts : record.LocalPorts,
                RemoteAddresses = SameAddresses(current.RemoteAddresses, record.RemoteAddresses) ? current.RemoteAddresses : record.RemoteAddresses,
                Description = current.Description?.ReplaceLineEndings("\n") == record.Description?.ReplaceLineEndings("\n") ? current.Description : record.Description,
            };
        }

        foreach (var extra in ComExtraField.All)
        {
            var wanted = rule.ExtraFields.TryGetValue(extra.Key, out var value) ? value : null;
            if (wanted is null && current is not null && extra.Read(current) is null)
            {
                // Unset on both sides: keep the store's own spelling of "unset".
                record = ComRuleFields.Copy(extra.Field, current, record);
            }
            else
            {
                record = extra.Write(record, wanted);
            }
        }

        return record;
    }

    /// <summary>A rule as read from the firewall, or why fwkit cannot represent it; never a guess.</summary>
    public static ComRuleRead FromRecord(ComRuleRecord record)
    {
        var name = record.Name ?? string.Empty;
        if (record.Direction != NetFwValues.DirectionIn)
        {
            return ComRuleRead.Refused(name, record.Direction == NetFwValues.DirectionOut ? "is an outbound rule" : $"has direction {record.Direction}");
        }

        RuleAction action;
        switch (record.Action)
        {
            case NetFwValues.ActionAllow: action = RuleAction.Allow; break;
            case NetFwValues.ActionBlock: action = RuleAction.Block; break;
            default: return ComRuleRead.Refused(name, $"has action {record.Action}");
        }

        TransportProtocol protocol;
        switch (record.Protocol)
        {
            case NetFwValues.ProtocolTcp: protocol = TransportProtocol.Tcp; break;
            case NetFwValues.ProtocolUdp: protocol = TransportProtocol.Udp; break;
            case NetFwValues.ProtocolIcmpV4: return ComRuleRead.Refused(name, "is an ICMPv4 rule");
            case NetFwValues.ProtocolIcmpV6: return ComRuleRead.Refused(name, "is an ICMPv6 rule");
            case NetFwValues.ProtocolAny: return ComRuleRead.Refused(name, "matches any protocol");
            default: return ComRuleRead.Refused(name, string.Create(CultureInfo.InvariantCulture, $"has protocol {record.Protocol}"));
        }

        var localPorts = PortSet.Any;
        if (!IsAny(record.LocalPorts) && !PortSet.TryParse([record.LocalPorts!], out localPorts))
        {
            return ComRuleRead.Refused(name, $"has local ports fwkit cannot read ('{record.LocalPorts}')");
        }

        var remoteAddresses = AddressSet.Any;
        if (!IsAny(record.RemoteAddresses) && !AddressSet.TryParse([record.RemoteAddresses!], out remoteAddresses))
        {
            return ComRuleRead.Refused(name, $"has remote addresses fwkit cannot read ('{record.RemoteAddresses}')");
        }

        var extras = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var extra in ComExtraField.All)
        {
            if (extra.Read(record) is { } value)
            {
                extras[extra.Key] = value;
            }
        }

        var (displayName, description) = SplitDescription(record.Description ?? string.Empty);
        return ComRuleRead.Of(new FirewallRule
        {
            Name = name,
            DisplayName = displayName,
            Description = description,
            Group = record.Grouping ?? string.Empty,
            Action = action,
            Protocol = protocol,
            LocalPorts = localPorts!,
            RemoteAddresses = remoteAddresses!,
            Profiles = ProfilesFromMask(record.Profiles),
            Enabled = record.Enabled,
            ExtraFields = extras,
        });
    }

    /// <summary>
    /// <paramref name="rule"/> as the firewall will hold it once written through this mapping
    /// (without the addresses COM cannot hold): what a later read compares against.
    /// </summary>
    /// <exception cref="FirewallStoreException">As <see cref="ToRecord"/>.</exception>
    public static FirewallRule AsStored(FirewallRule rule) =>
        FromRecord(ToRecord(rule)) is { Rule: { } stored }
            ? stored
            : throw new FirewallStoreException($"rule '{rule.Name}' would not read back from the firewall as fwkit wrote it");

    public static int ProtocolNumber(TransportProtocol protocol) =>
        protocol == TransportProtocol.Tcp ? NetFwValues.ProtocolTcp : NetFwValues.ProtocolUdp;

    public static int ProfileMask(FirewallProfiles profiles) =>
        (profiles & FirewallProfiles.All) == FirewallProfiles.All ? NetFwValues.ProfileAll : (int)(profiles & FirewallProfiles.All);

    public static FirewallProfiles ProfilesFromMask(int mask) =>
        mask == NetFwValues.ProfileAll ? FirewallProfiles.All : (FirewallProfiles)mask & FirewallProfiles.All;

    /// <summary>Comma-joined ports and ranges in COM keyword spelling, or <c>*</c>.</summary>
    public static string PortList(PortSet ports) => ports.IsAny ? NetFwValues.Any : string.Join(",", ports.ToTokens());

    /// <summary>
    /// The RemoteAddresses string for <paramref name="rule"/>: <c>*</c> for any, else literal
    /// addresses in their shortest form but a whole family as a range, never a prefix of 0
    /// ([MS-FASP] 2.2.4, 2.2.6), without <see cref="OutsideRules.Addresses"/> (the planner names none;
    /// a rule from elsewhere may), then keywords.
    /// </summary>
    /// <exception cref="FirewallStoreException">An undocumented keyword, or nothing COM can hold (an empty list would mean any).</exception>
    public static string AddressList(FirewallRule rule)
    {
        var addresses = rule.RemoteAddresses;
        if (addresses.IsAny)
        {
            return NetFwValues.Any;
        }

        var undocumented = addresses.Keywords.Where(keyword => !DocumentedKeywords.Contains(keyword)).ToList();
        if (undocumented.Count > 0)
        {
            throw new FirewallStoreException(
                $"rule '{rule.Name}' uses the remote-address keyword {string.Join(", ", undocumented.Select(k => $"'{k}'"))}, which the firewall's COM API does not document "
                + $"(it takes only {string.Join(", ", DocumentedKeywords)}): replace it with addresses in the profile, or apply the exported PowerShell script (fwkit export), which hands it to New-NetFirewallRule");
        }

        var writable = addresses.Except(OutsideRules.Addresses);
        var tokens = writable.Ranges.Select(Token).Concat(writable.Keywords.Select(k => k.ToString())).ToList();
        if (tokens.Count == 0)
        {
            throw new FirewallStoreException($"rule '{rule.Name}' has no remote address the firewall can hold ({addresses}); an empty list would mean any address: give it real addresses");
        }

        return string.Join(",", tokens);
    }

    public static string ComposeDescription(string displayName, string description) =>
        description.Length == 0 ? displayName : displayName + DescriptionSeparator + description;

    public static (string DisplayName, string Description) SplitDescription(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? (text, string.Empty) : (text[..newline].TrimEnd('\r'), text[(newline + 1)..]);
    }

    private static string Token(AddressRange range) =>
        range.PrefixLength() == 0
            ? AddressRange.FormatAddress(range.Family, range.Start) + "-" + AddressRange.FormatAddress(range.Family, range.End)
            : range.ToString();

    private static bool SamePorts(string? held, string? wanted) =>
        (IsAny(held) ? PortSet.Any : PortSet.TryParse([held!], out var a) ? a : null) is { } heldSet
        && (IsAny(wanted) ? PortSet.Any : PortSet.TryParse([wanted!], out var b) ? b : null) is { } wantedSet
        && heldSet.Equals(wantedSet);

    private static bool SameAddresses(string? held, string? wanted) =>
        (IsAny(held) ? AddressSet.Any : AddressSet.TryParse([held!], out var a) ? a : null) is { } heldSet
        && (IsAny(wanted) ? AddressSet.Any : AddressSet.TryParse([wanted!], out var b) ? b : null) is { } wantedSet
        && heldSet.Equals(wantedSet);

    private static bool IsAny(string? list) => string.IsNullOrEmpty(list) || list == NetFwValues.Any;
}
