using System.Text.Json;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.IO;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Rules;

/// <summary>
/// Every rule field, described once: the plan contract and its hash, drift detection, the COM mapping, the
/// exporters and the exported script's tables read them from here. Planned fields come in contract order;
/// conditions in the order the exported script checks them. To add a field: a <see cref="StoredRule"/> property,
/// a row here, and its value in each representation that carries it (the COM record, the dump readers).
/// </summary>
public static class RuleFields
{
    public static readonly RuleField Name = PlannedField("name", s => s.Id, new(NetSecurity: "Name", Netsh: "name"), s => [s.Id ?? string.Empty], JsonString(s => s.Id));

    public static readonly RuleField DisplayName = PlannedField("displayName", s => s.DisplayName, new(Com: "Name", NetSecurity: "DisplayName", RuleString: "Name"), s => [s.DisplayName], JsonString(s => s.DisplayName));

    public static readonly RuleField Description = new()
    {
        Name = "description",
        Kind = RuleFieldKind.Planned,
        Spelling = new(Com: "Description", NetSecurity: "Description", Netsh: "description", RuleString: "Desc"),
        // Windows may hand back CRLF where LF was written.
        Same = static (a, b) => a.Description.ReplaceLineEndings("\n") == b.Description.ReplaceLineEndings("\n"),
        HashTokens = static s => [s.Description],
        WriteJson = JsonString(static s => s.Description),
    };

    public static readonly RuleField Group = PlannedField("group", s => s.Group, new(Com: "Grouping", NetSecurity: "Group", RuleString: "EmbedCtxt"), s => [s.Group], JsonString(s => s.Group));

    public static readonly RuleField Direction = PlannedField("direction", s => s.Direction, new(Com: "Direction", NetSecurity: "Direction", Netsh: "dir", RuleString: "Dir"), s => [s.Direction.ToString()], JsonString(s => RuleTerms.Direction(s.Direction)));

    public static readonly RuleField Action = PlannedField("action", s => s.Action, new(Com: "Action", NetSecurity: "Action", Netsh: "action", RuleString: "Action"), s => [s.Action.ToString()], JsonString(s => RuleTerms.Action(s.Action)));

    public static readonly RuleField Protocol = PlannedField("protocol", s => s.Protocol, new(Com: "Protocol", NetSecurity: "Protocol", Netsh: "protocol", RuleString: "Protocol"), s => [s.Protocol == IpProtocol.Tcp ? nameof(TransportProtocol.Tcp) : nameof(TransportProtocol.Udp)], JsonString(s => s.Protocol.ToString()));

    public static readonly RuleField LocalPorts = PlannedField("localPorts", s => s.LocalPorts, new(Com: "LocalPorts", NetSecurity: "LocalPort", Netsh: "localport", RuleString: "LPort,LPort2_10,LPort2_20"), s => s.LocalPorts.ToTokens(), JsonStrings(s => s.LocalPorts.ToTokens()));

    public static readonly RuleField RemoteAddresses = PlannedField("remoteAddresses", s => s.RemoteAddresses, new(Com: "RemoteAddresses", NetSecurity: "RemoteAddress", Netsh: "remoteip", RuleString: "RA4,RA6,RA42,RA62"), s => s.RemoteAddresses.ToTokens(), JsonStrings(s => s.RemoteAddresses.ToTokens()));

    public static readonly RuleField Profiles = PlannedField("profiles", s => s.Profiles, new(Com: "Profiles", NetSecurity: "Profile", Netsh: "profile", RuleString: "Profile"), s => [s.Profiles.ToString()], JsonStrings(s => RuleTerms.Profiles(s.Profiles)));

    public static readonly RuleField Enabled = PlannedField("enabled", s => s.Enabled, new(Com: "Enabled", NetSecurity: "Enabled", Netsh: "enable", RuleString: "Active"), s => [s.Enabled.ToString()], static (writer, s) => writer.WriteBooleanValue(s.Enabled));

    public static readonly RuleField Program = Text(
        "applicationName", s => s.Program, (s, v) => s with { Program = v },
        new(Com: "ApplicationName", Netsh: "program", RuleString: "App", NetSecurityConditions: Any("Program")));

    public static readonly RuleField Package = Text(
        "localAppPackageId", s => s.Package, (s, v) => s with { Package = v },
        new(Com: "LocalAppPackageId", RuleString: "AppPkgId", NetSecurityConditions: Cleared("Package")));

    public static readonly RuleField Service = Text(
        "serviceName", s => s.Service, (s, v) => s with { Service = v },
        new(Com: "ServiceName", Netsh: "service", RuleString: "Svc", NetSecurityConditions: Any("Service")));

    public static readonly RuleField LocalAddresses = ConditionField(
        "localAddresses",
        s => s.LocalAddresses.IsAny ? null : string.Join(",", s.LocalAddresses.ToTokens()),
        (s, v) => AddressSet.TryParse(AddressSet.SplitList(v), out var set) ? s with { LocalAddresses = set } : null,
        (a, b) => a.LocalAddresses.Equals(b.LocalAddresses),
        new(Com: "LocalAddresses", Netsh: "localip", RuleString: "LA4,LA6", NetSecurityConditions: AnyList("LocalAddress")));

    public static readonly RuleField RemotePorts = ConditionField(
        "remotePorts",
        s => s.RemotePorts.IsAny ? null : string.Join(",", s.RemotePorts.ToTokens()),
        (s, v) => PortSet.TryParse([v], out var set) ? s with { RemotePorts = set } : null,
        (a, b) => a.RemotePorts.Equals(b.RemotePorts),
        new(Com: "RemotePorts", Netsh: "remoteport", RuleString: "RPort,RPort2_10", NetSecurityConditions: AnyList("RemotePort")));

    public static readonly RuleField IcmpTypes = Text(
        "icmpTypesAndCodes", s => s.IcmpTypes, (s, v) => s with { IcmpTypes = v },
        new(Com: "IcmpTypesAndCodes", RuleString: "ICMP4,ICMP6", NetSecurityConditions: AnyList("IcmpType")));

    public static readonly RuleField Interfaces = ConditionField(
        "interfaces",
        s => s.Interfaces.Count == 0 ? null : string.Join(",", s.Interfaces),
        (s, v) => s with { Interfaces = ValueList.Create<string>(v.Split(',')) },
        (a, b) => a.Interfaces.Equals(b.Interfaces),
        new(Com: "Interfaces", RuleString: "IF", NetSecurityConditions: Any("InterfaceAlias")));

    public static readonly RuleField InterfaceTypes = ConditionField(
        "interfaceTypes",
        s => s.InterfaceTypes == RuleWords.InterfaceTypes.Any ? null : RuleTerms.InterfaceTypes(s.InterfaceTypes),
        (s, v) => RuleTerms.TryInterfaceTypes(v, out var types) ? s with { InterfaceTypes = types } : null,
        (a, b) => a.InterfaceTypes == b.InterfaceTypes,
        new(Com: "InterfaceTypes", Netsh: "interfacetype", RuleString: "IFType", NetSecurityConditions: Any("InterfaceType")));

    public static readonly RuleField Security = ConditionField(
        "secureFlags",
        s => s.Security == RuleSecurity.NotRequired ? null : s.Security.ToString(),
        (s, v) => Enum.TryParse<RuleSecurity>(v, out var security) && Enum.IsDefined(security) ? s with { Security = security } : null,
        (a, b) => a.Security == b.Security,
        new(
            Com: "SecureFlags",
            Netsh: "security",
            RuleString: "Security,Security2_9,Security2",
            NetSecurityConditions: ValueList.Create<NetSecurityCondition>([new("Authentication", "NotRequired", "'NotRequired'"), new("Encryption", "NotRequired", "'NotRequired'")])));

    public static readonly RuleField OverrideBlockRules = ConditionField(
        "overrideBlockRules",
        s => s.Action == RuleAction.Bypass ? "true" : null,
        (s, v) => v == "true" ? s with { Action = RuleAction.Bypass } : null,
        (a, b) => (a.Action == RuleAction.Bypass) == (b.Action == RuleAction.Bypass),
        new(Netsh: "action=bypass", RuleString: "Action=ByPass", NetSecurityConditions: ValueList.Create<NetSecurityCondition>([new("OverrideBlockRules", "False", "$false")])));

    public static readonly RuleField LocalUsers = Text(
        "localUserAuthorizedList", s => s.LocalUsers, (s, v) => s with { LocalUsers = v },
        new(Com: "LocalUserAuthorizedList", RuleString: "LUAuth", NetSecurityConditions: Any("LocalUser")));

    public static readonly RuleField RemoteUsers = Text(
        "remoteUserAuthorizedList", s => s.RemoteUsers, (s, v) => s with { RemoteUsers = v },
        new(Com: "RemoteUserAuthorizedList", Netsh: "rmtusrgrp", RuleString: "RUAuth", NetSecurityConditions: Any("RemoteUser")));

    public static readonly RuleField RemoteMachines = Text(
        "remoteMachineAuthorizedList", s => s.RemoteMachines, (s, v) => s with { RemoteMachines = v },
        new(Com: "RemoteMachineAuthorizedList", Netsh: "rmtcomputergrp", RuleString: "RMAuth", NetSecurityConditions: Any("RemoteMachine")));

    public static readonly RuleField EdgeTraversal = ConditionField(
        "edgeTraversalOptions",
        s => s.EdgeTraversal == RuleWords.EdgeTraversal.Block ? null : s.EdgeTraversal.ToString(),
        (s, v) => EdgeTraversalOf(v) is { } edge ? s with { EdgeTraversal = edge } : null,
        (a, b) => a.EdgeTraversal == b.EdgeTraversal,
        new(Com: "EdgeTraversalOptions", Netsh: "edge", RuleString: "Edge,Defer", NetSecurityConditions: ValueList.Create<NetSecurityCondition>([new("EdgeTraversalPolicy", "Block", "'Block'")])));

    /// <summary>A Store app's package family name: Windows writes it only in the rule string, so no API spells it.</summary>
    public static readonly RuleField PackageFamilyName = Text(
        "packageFamilyName", s => s.PackageFamilyName, (s, v) => s with { PackageFamilyName = v },
        new(RuleString: "PFN"));

    public static readonly RuleField Owner = Text(
        "localUserOwner", s => s.Owner, (s, v) => s with { Owner = v },
        new(Com: "LocalUserOwner", RuleString: "LUOwn", NetSecurityConditions: Cleared("Owner")));

    /// <summary>The fields every planned rule sets, in contract order.</summary>
    public static readonly IReadOnlyList<RuleField> Planned = [Name, DisplayName, Description, Group, Direction, Action, Protocol, LocalPorts, RemoteAddresses, Profiles, Enabled];

    /// <summary>The conditions the plan leaves unset, in the order the exported script checks them.</summary>
    public static readonly IReadOnlyList<RuleField> Conditions =
        [Program, Package, Service, LocalAddresses, RemotePorts, IcmpTypes, Interfaces, InterfaceTypes, Security, OverrideBlockRules, LocalUsers, RemoteUsers, RemoteMachines, EdgeTraversal, PackageFamilyName, Owner];

    public static readonly IReadOnlyList<RuleField> All = [.. Planned, .. Conditions];

    /// <summary>The condition of that contract name, or null.</summary>
    public static RuleField? FindCondition(string name) => Conditions.FirstOrDefault(field => field.Name == name);

    private static RuleField PlannedField<T>(string name, Func<StoredRule, T> value, RuleFieldSpelling spelling, Func<StoredRule, IReadOnlyList<string>> hash, Action<Utf8JsonWriter, StoredRule> json) => new()
    {
        Name = name,
        Kind = RuleFieldKind.Planned,
        Spelling = spelling,
        Same = (a, b) => EqualityComparer<T>.Default.Equals(value(a), value(b)),
        HashTokens = hash,
        WriteJson = json,
    };

    private static RuleField ConditionField(string name, Func<StoredRule, string?> read, Func<StoredRule, string, StoredRule?> write, Func<StoredRule, StoredRule, bool> same, RuleFieldSpelling spelling) => new()
    {
        Name = name,
        Kind = RuleFieldKind.Condition,
        Spelling = spelling,
        Same = same,
        Read = read,
        Write = write,
    };

    /// <summary>A condition held as Windows' own text (a path, a SID, an SDDL string): unset when null or empty.</summary>
    private static RuleField Text(string name, Func<StoredRule, string?> get, Func<StoredRule, string?, StoredRule> set, RuleFieldSpelling spelling) => ConditionField(
        name,
        s => get(s) is { Length: > 0 } value ? value : null,
        (s, v) => v.Length == 0 ? null : set(s, v),
        (a, b) => string.Equals(get(a) is { Length: > 0 } x ? x : null, get(b) is { Length: > 0 } y ? y : null, StringComparison.Ordinal),
        spelling);

    /// <summary>
    /// An edge traversal by name, or by the COM API's NET_FW_EDGE_TRAVERSAL_TYPE number (1 allow, 2 defer to the app,
    /// 3 defer to the user), which backups written before the names carry.
    /// </summary>
    private static EdgeTraversal? EdgeTraversalOf(string text) => text switch
    {
        "1" => RuleWords.EdgeTraversal.Allow,
        "2" => RuleWords.EdgeTraversal.DeferToApp,
        "3" => RuleWords.EdgeTraversal.DeferToUser,
        _ when !char.IsDigit(text.FirstOrDefault()) && Enum.TryParse<EdgeTraversal>(text, out var edge) && Enum.IsDefined(edge) => edge,
        _ => null,
    };

    private static Action<Utf8JsonWriter, StoredRule> JsonString(Func<StoredRule, string?> value) =>
        (writer, s) =>
        {
            if (value(s) is { } text)
            {
                writer.WriteStringValue(text);
            }
            else
            {
                writer.WriteNullValue();
            }
        };

    private static Action<Utf8JsonWriter, StoredRule> JsonStrings(Func<StoredRule, IEnumerable<string>> values) =>
        (writer, s) => JsonOutput.WriteStrings(writer, values(s));

    private static ValueList<NetSecurityCondition> Any(string parameter) => ValueList.Create<NetSecurityCondition>([new(parameter, "Any", "'Any'")]);

    private static ValueList<NetSecurityCondition> AnyList(string parameter) => ValueList.Create<NetSecurityCondition>([new(parameter, "Any", "[string[]] 'Any'")]);

    /// <summary>A parameter that takes '' to clear it (-Package, -Owner).</summary>
    private static ValueList<NetSecurityCondition> Cleared(string parameter) => ValueList.Create<NetSecurityCondition>([new(parameter, "Any", "''")]);
}
