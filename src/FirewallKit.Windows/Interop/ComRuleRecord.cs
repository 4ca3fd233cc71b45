using FirewallKit.Core.RuleWords;

namespace FirewallKit.Windows.Interop;

/// <summary>
/// Every field of a firewall rule object that changes what the rule matches or does, exactly as
/// the COM API holds it: strings as Windows returns them (normalised, maybe null), numbers in
/// netfw.h's numbering. Mapping to the plan's rule model is a separate step.
/// Two records are equal when no <see cref="ComRuleField"/> differs (<see cref="ComRuleFields.Same"/>).
/// </summary>
public sealed record ComRuleRecord
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? ApplicationName { get; init; }

    public string? ServiceName { get; init; }

    /// <summary>NET_FW_IP_PROTOCOL: an IANA number, 256 for any.</summary>
    public int Protocol { get; init; }

    public string? LocalPorts { get; init; }

    public string? RemotePorts { get; init; }

    public string? LocalAddresses { get; init; }

    public string? RemoteAddresses { get; init; }

    public string? IcmpTypesAndCodes { get; init; }

    /// <summary>NET_FW_RULE_DIRECTION: 1 in, 2 out.</summary>
    public int Direction { get; init; }

    /// <summary>Interface friendly names; null (VT_EMPTY) for every interface.</summary>
    public IReadOnlyList<string>? Interfaces { get; init; }

    public string? InterfaceTypes { get; init; }

    public bool Enabled { get; init; }

    public string? Grouping { get; init; }

    /// <summary>NET_FW_PROFILE_TYPE2 bits; 0x7FFFFFFF for all.</summary>
    public int Profiles { get; init; }

    public bool EdgeTraversal { get; init; }

    /// <summary>NET_FW_ACTION: 0 block, 1 allow.</summary>
    public int Action { get; init; }

    /// <summary>NET_FW_EDGE_TRAVERSAL_TYPE; carries <see cref="EdgeTraversal"/> with it.</summary>
    public int EdgeTraversalOptions { get; init; }

    public string? LocalAppPackageId { get; init; }

    public string? LocalUserOwner { get; init; }

    public string? LocalUserAuthorizedList { get; init; }

    public string? RemoteUserAuthorizedList { get; init; }

    public string? RemoteMachineAuthorizedList { get; init; }

    /// <summary>NET_FW_AUTHENTICATE_TYPE.</summary>
    public int SecureFlags { get; init; }

    public bool Equals(ComRuleRecord? other) =>
        other is not null && ComRuleFields.Differences(this, other).Count == 0;

    public override int GetHashCode() => HashCode.Combine(Name?.Length ?? 0, Protocol, Direction, Action, Profiles, Enabled);
}
