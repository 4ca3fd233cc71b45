using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Rules;

/// <summary>
/// One firewall rule as Windows holds it, with every field that changes what it matches or does,
/// whoever wrote it and whatever read it (the COM API, a netsh or PowerShell dump). A field that
/// is not set holds its "any" value: null text, an empty list, <see cref="PortSet.Any"/>,
/// <see cref="AddressSet.Any"/>. Port keywords (RPC, IPHTTPS, ...) name the machine's own
/// services and never match a product's port. <see cref="RuleFields"/> describes each field once:
/// how it compares and how every representation spells it.
/// </summary>
public sealed record StoredRule
{
    /// <summary>The rule's ID (PowerShell Name, the registry value name); null where the source has none (the COM API).</summary>
    public string? Id { get; init; }

    /// <summary>The rule's name as wf.msc shows it (PowerShell DisplayName, the COM API's Name).</summary>
    public required string DisplayName { get; init; }

    public string Description { get; init; } = string.Empty;

    public string Group { get; init; } = string.Empty;

    public bool Enabled { get; init; } = true;

    public RuleDirection Direction { get; init; } = RuleDirection.Inbound;

    public required RuleAction Action { get; init; }

    public IpProtocol Protocol { get; init; } = IpProtocol.Any;

    public PortSet LocalPorts { get; init; } = PortSet.Any;

    public PortSet RemotePorts { get; init; } = PortSet.Any;

    public AddressSet LocalAddresses { get; init; } = AddressSet.Any;

    public AddressSet RemoteAddresses { get; init; } = AddressSet.Any;

    /// <summary>ICMP types and codes (<c>8:*</c>), as Windows writes them; null for any.</summary>
    public string? IcmpTypes { get; init; }

    /// <summary>The program path the rule is scoped to; null when it is not scoped to one.</summary>
    public string? Program { get; init; }

    /// <summary>The service short name; <c>*</c> for "any service", null when not scoped to one.</summary>
    public string? Service { get; init; }

    /// <summary>The app container (Store app) SID the rule is scoped to; null when none.</summary>
    public string? Package { get; init; }

    /// <summary>
    /// The package family name (<c>Microsoft.WindowsStore_8wekyb3d8bbwe</c>) a Store app's rule is scoped to; null when
    /// none. Windows writes it in the rule string (<c>PFN</c>), often without <see cref="Package"/>.
    /// </summary>
    public string? PackageFamilyName { get; init; }

    /// <summary>The SID of the user that owns an app's rule; null when none.</summary>
    public string? Owner { get; init; }

    /// <summary>Local users allowed, as an SDDL string; null for everyone.</summary>
    public string? LocalUsers { get; init; }

    /// <summary>Remote users allowed (IPsec), as an SDDL string; null for everyone.</summary>
    public string? RemoteUsers { get; init; }

    /// <summary>Remote computers allowed (IPsec), as an SDDL string; null for every computer.</summary>
    public string? RemoteMachines { get; init; }

    /// <summary>Interface names the rule applies to; empty for every interface.</summary>
    public ValueList<string> Interfaces { get; init; } = ValueList<string>.Empty;

    public InterfaceTypes InterfaceTypes { get; init; } = InterfaceTypes.Any;

    public EdgeTraversal EdgeTraversal { get; init; } = EdgeTraversal.Block;

    public RuleSecurity Security { get; init; } = RuleSecurity.NotRequired;

    public NetworkProfiles Profiles { get; init; } = NetworkProfiles.All;

    /// <summary>
    /// False when the source did not print the rule's program, service and interface-type scopes (netsh without
    /// <c>verbose</c>): the rule may be scoped by them, so it is conditional, never an allow-all or a block-all.
    /// </summary>
    public bool ScopesKnown { get; init; } = true;

    /// <summary>The policy store the rule came from, when the source says.</summary>
    public RuleStore Store { get; init; } = RuleStore.Unknown;

    /// <summary>Where the rule is in its source (<c>line 12</c>, <c>$.Rules[3]</c>), so findings can point at it.</summary>
    public string Location { get; init; } = string.Empty;

    /// <summary>How findings name the rule: its display name, and its ID when the source gives one.</summary>
    public string Label => Id is null || Id == DisplayName ? $"'{DisplayName}'" : $"'{DisplayName}' ({Id})";

    /// <summary>IPsec authentication is required, so only authenticated peers match.</summary>
    public bool RequiresAuthentication => Security != RuleSecurity.NotRequired;
}
