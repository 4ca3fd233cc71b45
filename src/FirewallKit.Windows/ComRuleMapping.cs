using System.Globalization;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Rules;
using FirewallKit.Core.Sets;
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
    /// The record to write for <paramref name="rule"/>. Where <paramref name="current"/> already holds a
    /// field with the same meaning (Windows reads lists back in its own forms: masks, /128, its order, and
    /// "any" as <c>*</c> or as nothing), the store's spelling is kept, so an unchanged field takes no put.
    /// </summary>
    /// <exception cref="FirewallStoreException">The rule cannot be written through COM; the message names it and the fix.</exception>
    public static ComRuleRecord ToRecord(FirewallRule rule, ComRuleRecord? current = null)
    {
        var desired = ComView(rule);
        var record = Write(desired);
        if (current is not null && Read(current, out _) is { } held)
        {
            foreach (var field in RuleFields.All)
            {
                if (field.Spelling.Com is { } property && field.Same(desired, held))
                {
                    record = ComRuleFields.Copy(Enum.Parse<ComRuleField>(property), current, record);
                }
            }
        }

        return record;
    }

    /// <summary>A rule fwkit manages, as read from the firewall, or why fwkit cannot represent it; never a guess.</summary>
    public static ComRuleRead FromRecord(ComRuleRecord record)
    {
        var name = record.Name ?? string.Empty;
        if (Read(record, out var unreadable) is not { } stored)
        {
            return ComRuleRead.Refused(name, unreadable!);
        }

        var (displayName, description) = SplitDescription(stored.Description);
        return FirewallRule.FromStored(stored with { Id = name, DisplayName = displayName, Description = description }, out var why) is { } rule
            ? ComRuleRead.Of(rule)
            : ComRuleRead.Refused(name, why!);
    }

    /// <summary>
    /// Every field of <paramref name="record"/> in the one model of a stored rule (its COM Name as the display
    /// name, as Windows shows it), or null and why not: a list or a number fwkit cannot read.
    /// </summary>
    public static StoredRule? Read(ComRuleRecord record, out string? unreadable)
    {
        unreadable = null;
        var direction = record.Direction switch
        {
            NetFwValues.DirectionIn => RuleDirection.Inbound,
            NetFwValues.DirectionOut => RuleDirection.Outbound,
            var other => (RuleDirection?)null,
        };
        var action = record.Action switch
        {
            NetFwValues.ActionAllow => RuleAction.Allow,
            NetFwValues.ActionBlock => RuleAction.Block,
            _ => (RuleAction?)null,
        };
        if (direction is null)
        {
            unreadable = string.Create(CultureInfo.InvariantCulture, $"has direction {record.Direction}");
            return null;
        }

        if (action is null)
        {
            unreadable = string.Create(CultureInfo.InvariantCulture, $"has action {record.Action}");
            return null;
        }

        if (!TryPorts(record.LocalPorts, out var localPorts) || !TryPorts(record.RemotePorts, out var remotePorts))
        {
            unreadable = localPorts is null ? $"has local ports fwkit cannot read ('{record.LocalPorts}')" : $"has remote ports fwkit cannot read ('{record.RemotePorts}')";
            return null;
        }

        if (!TryAddresses(record.RemoteAddresses, out var remoteAddresses) || !TryAddresses(record.LocalAddresses, out var localAddresses))
        {
            unreadable = remoteAddresses is null ? $"has remote addresses fwkit cannot read ('{record.RemoteAddresses}')" : $"has local addresses fwkit cannot read ('{record.LocalAddresses}')";
            return null;
        }

        if (!RuleTerms.TryInterfaceTypes(record.InterfaceTypes ?? NetFwValues.AllInterfaceTypes, out var interfaceTypes))
        {
            unreadable = $"has interface types fwkit cannot read ('{record.InterfaceTypes}')";
            return null;
        }

        if (!Enum.IsDefined((RuleSecurity)record.SecureFlags))
        {
            unreadable = string.Create(CultureInfo.InvariantCulture, $"has SecureFlags {record.SecureFlags}");
            return null;
        }

        return new StoredRule
        {
            DisplayName = record.Name ?? string.Empty,
            Description = record.Description ?? string.Empty,
            Group = record.Grouping ?? string.Empty,
            Enabled = record.Enabled,
            Direction = direction.Value,
            Action = action.Value,
            Protocol = record.Protocol == NetFwValues.ProtocolAny ? IpProtocol.Any : new IpProtocol(record.Protocol),
            LocalPorts = localPorts!,
            RemotePorts = remotePorts!,
            LocalAddresses = localAddresses!,
            RemoteAddresses = remoteAddresses!,
            IcmpTypes = Text(record.IcmpTypesAndCodes, NetFwValues.Any),
            Program = Text(record.ApplicationName),
            Service = Text(record.ServiceName),
            Package = Text(record.LocalAppPackageId),
            Owner = Text(record.LocalUserOwner),
            LocalUsers = Text(record.LocalUserAuthorizedList),
            RemoteUsers = Text(record.RemoteUserAuthorizedList),
            RemoteMachines = Text(record.RemoteMachineAuthorizedList),
            Interfaces = record.Interfaces is { Count: > 0 } names ? ValueList.Create<string>([.. names]) : ValueList<string>.Empty,
            InterfaceTypes = interfaceTypes,
            EdgeTraversal = record.EdgeTraversalOptions switch
            {
                EdgeAllow => EdgeTraversal.Allow,
                EdgeDeferToApp => EdgeTraversal.DeferToApp,
                EdgeDeferToUser => EdgeTraversal.DeferToUser,
                // EdgeTraversalOptions supersedes the older flag; a lone flag still admits edge traffic.
                _ => record.EdgeTraversal ? EdgeTraversal.Allow : EdgeTraversal.Block,
            },
            Security = (RuleSecurity)record.SecureFlags,
            Profiles = ProfilesFromMask(record.Profiles),
        };
    }

    /// <summary>Every field of <paramref name="stored"/> as the COM API takes it; its display name is the COM Name.</summary>
    /// <exception cref="FirewallStoreException">A value COM cannot hold; the message names the rule and the fix.</exception>
    public static ComRuleRecord Write(StoredRule stored)
    {
        var name = stored.DisplayName;
        if (RuleText.IsRefused(name) || string.Equals(name, "all", StringComparison.OrdinalIgnoreCase) || name.Length == 0)
        {
            throw new FirewallStoreException($"'{name}' cannot be a firewall rule name: it is empty, contains '|' or is 'all'; rename it in the catalog or rule file");
        }

        if (stored.Description.Length >= RuleText.DescriptionLimit)
        {
            throw new FirewallStoreException(string.Create(CultureInfo.InvariantCulture, $"rule '{name}' has a description of {stored.Description.Length} characters with its display name, and Windows refuses {RuleText.DescriptionLimit} or more: shorten the catalog entry's texts"));
        }

        return new ComRuleRecord
        {
            Name = name,
            Description = stored.Description,
            Grouping = stored.Group,
            Direction = stored.Direction == RuleDirection.Inbound ? NetFwValues.DirectionIn : NetFwValues.DirectionOut,
            Action = stored.Action switch
            {
                RuleAction.Allow => NetFwValues.ActionAllow,
                RuleAction.Block => NetFwValues.ActionBlock,
                _ => throw new FirewallStoreException($"rule '{name}' is an authenticated-bypass rule, which the COM API cannot write"),
            },
            Protocol = stored.Protocol.Number ?? NetFwValues.ProtocolAny,
            LocalPorts = PortList(stored.LocalPorts),
            RemotePorts = PortList(stored.RemotePorts),
            LocalAddresses = stored.LocalAddresses.IsAny ? NetFwValues.Any : string.Join(",", stored.LocalAddresses.ToTokens()),
            RemoteAddresses = AddressList(name, stored.RemoteAddresses),
            IcmpTypesAndCodes = stored.IcmpTypes,
            ApplicationName = stored.Program,
            ServiceName = stored.Service,
            LocalAppPackageId = stored.Package,
            LocalUserOwner = stored.Owner,
            LocalUserAuthorizedList = stored.LocalUsers,
            RemoteUserAuthorizedList = stored.RemoteUsers,
            RemoteMachineAuthorizedList = stored.RemoteMachines,
            Interfaces = stored.Interfaces.Count == 0 ? null : [.. stored.Interfaces],
            InterfaceTypes = RuleTerms.InterfaceTypes(stored.InterfaceTypes),
            EdgeTraversalOptions = stored.EdgeTraversal switch
            {
                EdgeTraversal.Allow => EdgeAllow,
                EdgeTraversal.DeferToApp => EdgeDeferToApp,
                EdgeTraversal.DeferToUser => EdgeDeferToUser,
                _ => 0,
            },
            EdgeTraversal = stored.EdgeTraversal == EdgeTraversal.Allow,
            SecureFlags = (int)stored.Security,
            Profiles = ProfileMask(stored.Profiles),
            Enabled = stored.Enabled,
        };
    }

    /// <summary>
    /// <paramref name="rule"/> as the firewall will hold it once written through this mapping: without the
    /// addresses no rule can hold (<see cref="OutsideRules"/>). What a later read compares against.
    /// </summary>
    /// <exception cref="FirewallStoreException">As <see cref="ToRecord"/>.</exception>
    public static FirewallRule AsStored(FirewallRule rule)
    {
        _ = Write(ComView(rule));
        return rule.RemoteAddresses.IsAny ? rule : rule with { RemoteAddresses = rule.RemoteAddresses.Except(OutsideRules.Addresses) };
    }

    public static int ProtocolNumber(TransportProtocol protocol) =>
        protocol == TransportProtocol.Tcp ? NetFwValues.ProtocolTcp : NetFwValues.ProtocolUdp;

    public static int ProfileMask(NetworkProfiles profiles) =>
        (profiles & NetworkProfiles.All) == NetworkProfiles.All ? NetFwValues.ProfileAll : (int)(profiles & NetworkProfiles.All);

    public static NetworkProfiles ProfilesFromMask(int mask) =>
        mask == NetFwValues.ProfileAll ? NetworkProfiles.All : (NetworkProfiles)mask & NetworkProfiles.All;

    /// <summary>Comma-joined ports and ranges in COM keyword spelling, or <c>*</c>.</summary>
    public static string PortList(PortSet ports) => ports.IsAny ? NetFwValues.Any : string.Join(",", ports.ToTokens());

    /// <summary>
    /// The RemoteAddresses string for <paramref name="rule"/>: <c>*</c> for any, else literal
    /// addresses in their shortest form but a whole family as a range, never a prefix of 0
    /// ([MS-FASP] 2.2.4, 2.2.6), without <see cref="OutsideRules.Addresses"/> (the planner names none;
    /// a rule from elsewhere may), then keywords.
    /// </summary>
    /// <exception cref="FirewallStoreException">An undocumented keyword, or nothing COM can hold (an empty list would mean any).</exception>
    public static string AddressList(FirewallRule rule) => AddressList(rule.Name, rule.RemoteAddresses);

    private static string AddressList(string name, AddressSet addresses)
    {
        if (addresses.IsAny)
        {
            return NetFwValues.Any;
        }

        var undocumented = addresses.Keywords.Where(keyword => !DocumentedKeywords.Contains(keyword)).ToList();
        if (undocumented.Count > 0)
        {
            throw new FirewallStoreException(
                $"rule '{name}' uses the remote-address keyword {string.Join(", ", undocumented.Select(k => $"'{k}'"))}, which the firewall's COM API does not document "
                + $"(it takes only {string.Join(", ", DocumentedKeywords)}): replace it with addresses in the profile, or apply the exported PowerShell script (fwkit export), which hands it to New-NetFirewallRule");
        }

        var writable = addresses.Except(OutsideRules.Addresses);
        var tokens = writable.Ranges.Select(Token).Concat(writable.Keywords.Select(k => k.ToString())).ToList();
        if (tokens.Count == 0)
        {
            throw new FirewallStoreException($"rule '{name}' has no remote address the firewall can hold ({addresses}); an empty list would mean any address: give it real addresses");
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

    /// <summary>fwkit's rules in the COM API's naming: its stable ID as the COM Name, the display name as the description's first line.</summary>
    private static StoredRule ComView(FirewallRule rule) =>
        rule.ToStored() with { Id = null, DisplayName = rule.Name, Description = ComposeDescription(rule.DisplayName, rule.Description) };

    private static bool TryPorts(string? text, out PortSet? ports)
    {
        ports = PortSet.Any;
        return IsAny(text) || PortSet.TryParse([text!], out ports);
    }

    private static bool TryAddresses(string? text, out AddressSet? addresses)
    {
        addresses = AddressSet.Any;
        return IsAny(text) || AddressSet.TryParse([.. text!.Split(',').Select(FromWindowsSpelling)], out addresses);
    }

    /// <summary>
    /// The keywords Windows reads back under names of its own (FirewallAPI.dll formats the address list with
    /// IntrAnet, IntErnet, Ply2Renders, RmtIntrAnet; the Firewall CSP documents Ply2Renders and RmtIntranet),
    /// by fwkit's (and PowerShell's) name. IntrAnet and IntErnet differ from Intranet and Internet in case only.
    /// </summary>
    private static readonly Dictionary<string, AddressKeywordName> WindowsKeywordSpellings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Ply2Renders"] = AddressKeywordName.PlayToDevice,
        ["RmtIntranet"] = AddressKeywordName.IntranetRemoteAccess,
    };

    private static string FromWindowsSpelling(string token) =>
        WindowsKeywordSpellings.TryGetValue(token.Trim(), out var name) ? name.ToString() : token;

    private static string? Text(string? value, string? any = null) =>
        string.IsNullOrEmpty(value) || string.Equals(value, any, StringComparison.OrdinalIgnoreCase) ? null : value;

    private static bool IsAny(string? list) => string.IsNullOrEmpty(list) || list == NetFwValues.Any;

    private const int EdgeAllow = 1;
    private const int EdgeDeferToApp = 2;
    private const int EdgeDeferToUser = 3;
}
