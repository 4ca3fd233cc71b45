using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using FirewallKit.Core.RuleWords;
using FirewallKit.Windows.Interop;

namespace FirewallKit.Tests.Windows.Fake;

/// <summary>
/// A rule object (INetFwRule3, so also INetFwRule and INetFwRule2) as Windows documents it.
/// A new object is detached: puts are validated but commit nothing, and it starts disabled
/// (Enabled false, Protocol 256, ports and addresses <c>*</c>, InterfaceTypes <c>All</c>,
/// Profiles 0x7FFFFFFF, Action allow, Direction in). Once in the store every put commits on its
/// own (<see cref="FakeFirewall.CommittedStates"/> grows by one). Validation:
/// ports need Protocol TCP or UDP, and Protocol cannot leave TCP/UDP while ports are set
/// (E_INVALIDARG); addresses as <see cref="FakeAddressList"/>; Profiles read back 0x7FFFFFFF
/// when all three bits are set; EdgeTraversal and EdgeTraversalOptions are one setting
/// (EdgeTraversal reads true for ALLOW only, an assumption).
/// </summary>
[GeneratedComClass]
public sealed partial class FakeRule(FakeFirewall firewall) : FakeDispatch, INetFwRule3
{
    private const string Interface = nameof(INetFwRule);
    private const int ProfileAll = 0x7FFFFFFF;
    private const int Tcp = 6;
    private const int Udp = 17;

    /// <summary>The fields the RuleGroup documentation names as protected on a grouped rule.</summary>
    private static readonly string[] ProtectedMembers = ["put_Name", "put_Description", "put_ApplicationName", "put_ServiceName"];

    private ComRuleRecord _record = new()
    {
        Protocol = 256,
        LocalPorts = FakePortList.Any,
        RemotePorts = FakePortList.Any,
        LocalAddresses = "*",
        RemoteAddresses = "*",
        Direction = 1,
        InterfaceTypes = "All",
        Profiles = ProfileAll,
        Action = 1,
    };

    public bool InStore { get; internal set; }

    /// <summary>The rule as stored, read without going through COM (for assertions).</summary>
    public ComRuleRecord Record => _record;

    public string? get_Name() => Get(nameof(get_Name)).Name;

    public void put_Name(string? name) => Put(nameof(put_Name), r =>
    {
        ValidateName(name);
        return r with { Name = name };
    });

    public string? get_Description() => Get(nameof(get_Description)).Description;

    public void put_Description(string? description) => Put(nameof(put_Description), r => r with { Description = NoBar(description) });

    public string? get_ApplicationName() => Get(nameof(get_ApplicationName)).ApplicationName;

    public void put_ApplicationName(string? imageName) => Put(nameof(put_ApplicationName), r => r with { ApplicationName = Unset(imageName) });

    public string? get_ServiceName() => Get(nameof(get_ServiceName)).ServiceName;

    public void put_ServiceName(string? serviceName) => Put(nameof(put_ServiceName), r => r with { ServiceName = Unset(serviceName) });

    public int get_Protocol() => Get(nameof(get_Protocol)).Protocol;

    public void put_Protocol(int protocol) => Put(nameof(put_Protocol), r =>
    {
        if (protocol is < 0 or > 256)
        {
            throw Invalid($"protocol {protocol} is not 0 to 256");
        }

        if (protocol is not (Tcp or Udp) && (r.LocalPorts != FakePortList.Any || r.RemotePorts != FakePortList.Any))
        {
            throw Invalid("a rule with ports must stay TCP or UDP; clear the ports first");
        }

        return r with { Protocol = protocol };
    });

    public string? get_LocalPorts() => Get(nameof(get_LocalPorts)).LocalPorts;

    public void put_LocalPorts(string? ports) => Put(nameof(put_LocalPorts), r => r with { LocalPorts = Ports(r, ports, local: true) });

    public string? get_RemotePorts() => Get(nameof(get_RemotePorts)).RemotePorts;

    public void put_RemotePorts(string? ports) => Put(nameof(put_RemotePorts), r => r with { RemotePorts = Ports(r, ports, local: false) });

    public string? get_LocalAddresses() => Get(nameof(get_LocalAddresses)).LocalAddresses;

    public void put_LocalAddresses(string? addresses) =>
        Put(nameof(put_LocalAddresses), r => r with { LocalAddresses = FakeAddressList.Normalize(addresses, keywordsAllowed: false) });

    public string? get_RemoteAddresses() => Get(nameof(get_RemoteAddresses)).RemoteAddresses;

    public void put_RemoteAddresses(string? addresses) =>
        Put(nameof(put_RemoteAddresses), r => r with { RemoteAddresses = FakeAddressList.Normalize(addresses, keywordsAllowed: true) });

    public string? get_IcmpTypesAndCodes() => Get(nameof(get_IcmpTypesAndCodes)).IcmpTypesAndCodes;

    public void put_IcmpTypesAndCodes(string? codes) => Put(nameof(put_IcmpTypesAndCodes), r => r with { IcmpTypesAndCodes = Unset(codes) });

    public int get_Direction() => Get(nameof(get_Direction)).Direction;

    public void put_Direction(int direction) => Put(nameof(put_Direction), r => direction is 1 or 2
        ? r with { Direction = direction }
        : throw Invalid($"direction {direction} is not 1 (in) or 2 (out)"));

    public OleVariant get_Interfaces() => OleAutomation.CreateStringArray(Get(nameof(get_Interfaces)).Interfaces);

    public void put_Interfaces(OleVariant interfaces) =>
        Put(nameof(put_Interfaces), r => r with { Interfaces = OleAutomation.ReadStrings(interfaces) is { Count: > 0 } names ? [.. names] : null });

    public string? get_InterfaceTypes() => Get(nameof(get_InterfaceTypes)).InterfaceTypes;

    public void put_InterfaceTypes(string? types) => Put(nameof(put_InterfaceTypes), r => r with { InterfaceTypes = InterfaceTypes(types) });

    public bool get_Enabled() => Get(nameof(get_Enabled)).Enabled;

    public void put_Enabled(bool enabled) => Put(nameof(put_Enabled), r => r with { Enabled = enabled });

    public string? get_Grouping() => Get(nameof(get_Grouping)).Grouping;

    public void put_Grouping(string? grouping) => Put(nameof(put_Grouping), r => r with { Grouping = Unset(grouping) });

    public int get_Profiles() => Get(nameof(get_Profiles)).Profiles;

    public void put_Profiles(int profiles) => Put(nameof(put_Profiles), r => (profiles & 7) == 0 || (profiles & ~7) != 0 && profiles != ProfileAll
        ? throw Invalid($"profiles 0x{profiles:X} are not a combination of 1, 2 and 4")
        : r with { Profiles = (profiles & 7) == 7 ? ProfileAll : profiles });

    public bool get_EdgeTraversal() => Get(nameof(get_EdgeTraversal)).EdgeTraversal;

    public void put_EdgeTraversal(bool enabled) => Put(nameof(put_EdgeTraversal), r => EdgeTraversal(r, enabled ? 1 : 0));

    public int get_Action() => Get(nameof(get_Action)).Action;

    public void put_Action(int action) => Put(nameof(put_Action), r => action is 0 or 1
        ? r with { Action = action }
        : throw Invalid($"action {action} is not 0 (block) or 1 (allow)"));

    public int get_EdgeTraversalOptions() => Get(nameof(get_EdgeTraversalOptions)).EdgeTraversalOptions;

    public void put_EdgeTraversalOptions(int options) => Put(nameof(put_EdgeTraversalOptions), r => EdgeTraversal(r, options));

    public string? get_LocalAppPackageId() => Get(nameof(get_LocalAppPackageId)).LocalAppPackageId;

    public void put_LocalAppPackageId(string? packageId) => Put(nameof(put_LocalAppPackageId), r => r with { LocalAppPackageId = Unset(packageId) });

    public string? get_LocalUserOwner() => Get(nameof(get_LocalUserOwner)).LocalUserOwner;

    public void put_LocalUserOwner(string? userOwner) => Put(nameof(put_LocalUserOwner), r => r with { LocalUserOwner = Unset(userOwner) });

    public string? get_LocalUserAuthorizedList() => Get(nameof(get_LocalUserAuthorizedList)).LocalUserAuthorizedList;

    public void put_LocalUserAuthorizedList(string? authorizedList) =>
        Put(nameof(put_LocalUserAuthorizedList), r => r with { LocalUserAuthorizedList = Unset(authorizedList) });

    public string? get_RemoteUserAuthorizedList() => Get(nameof(get_RemoteUserAuthorizedList)).RemoteUserAuthorizedList;

    public void put_RemoteUserAuthorizedList(string? authorizedList) =>
        Put(nameof(put_RemoteUserAuthorizedList), r => r with { RemoteUserAuthorizedList = Unset(authorizedList) });

    public string? get_RemoteMachineAuthorizedList() => Get(nameof(get_RemoteMachineAuthorizedList)).RemoteMachineAuthorizedList;

    public void put_RemoteMachineAuthorizedList(string? authorizedList) =>
        Put(nameof(put_RemoteMachineAuthorizedList), r => r with { RemoteMachineAuthorizedList = Unset(authorizedList) });

    public int get_SecureFlags() => Get(nameof(get_SecureFlags)).SecureFlags;

    public void put_SecureFlags(int flags) => Put(nameof(put_SecureFlags), r => flags is >= 0 and <= 4
        ? r with { SecureFlags = flags }
        : throw Invalid($"secure flags {flags} are not a NET_FW_AUTHENTICATE_TYPE"));

    internal static void ValidateName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('|', StringComparison.Ordinal) || string.Equals(name, "all", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid($"'{name}' cannot be a rule name");
        }
    }

    /// <summary>Stores a rule as Windows would hold it, bypassing validation (for seeding the store).</summary>
    internal void Load(ComRuleRecord record) => _record = record;

    private ComRuleRecord Get(string member)
    {
        firewall.Enter(Interface, member, _record.Name, commits: false);
        return _record;
    }

    private void Put(string member, Func<ComRuleRecord, ComRuleRecord> change)
    {
        firewall.Enter(Interface, member, _record.Name, commits: InStore);
        if (firewall.ProtectGroupedRules && InStore && _record.Grouping is not null && ProtectedMembers.Contains(member))
        {
            throw new COMException($"{member}: the rule is in group '{_record.Grouping}', so this field is protected", ComErrors.AccessDenied);
        }

        _record = change(_record);
        if (InStore)
        {
            firewall.Committed();
        }
    }

    private static string Ports(ComRuleRecord rule, string? ports, bool local)
    {
        var normalized = FakePortList.Normalize(ports, local);
        return normalized == FakePortList.Any || rule.Protocol is Tcp or Udp
            ? normalized
            : throw Invalid($"ports need protocol TCP or UDP, not {rule.Protocol}");
    }

    private static ComRuleRecord EdgeTraversal(ComRuleRecord rule, int options)
    {
        if (options is < 0 or > 3)
        {
            throw Invalid($"edge traversal {options} is not a NET_FW_EDGE_TRAVERSAL_TYPE");
        }

        return options != 0 && rule.Direction != 1
            ? throw Invalid("edge traversal applies to inbound rules only")
            : rule with { EdgeTraversalOptions = options, EdgeTraversal = options == 1 };
    }

    private static string InterfaceTypes(string? types)
    {
        string[] known = ["Lan", "Wireless", "RemoteAccess"];
        if (string.IsNullOrEmpty(types) || string.Equals(types, "All", StringComparison.OrdinalIgnoreCase))
        {
            return "All";
        }

        var named = types.Split(',').Select(t => Array.FindIndex(known, k => string.Equals(k, t, StringComparison.OrdinalIgnoreCase))).ToList();
        return named.Contains(-1)
            ? throw Invalid($"'{types}' is not All or a list of Lan, Wireless, RemoteAccess")
            : string.Join(",", named.Distinct().Order().Select(i => known[i]));
    }

    private static string? NoBar(string? text) =>
        text is not null && text.Contains('|', StringComparison.Ordinal) ? throw Invalid("'|' is not allowed") : Unset(text);

    /// <summary>An empty string is stored as unset: Windows reads it back as a null BSTR.</summary>
    private static string? Unset(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static COMException Invalid(string why) => new(why, ComErrors.InvalidArgument);
}
