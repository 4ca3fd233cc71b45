using FirewallKit.Core.Catalog;
using FirewallKit.Core.Profiles;

namespace FirewallKit.Core.Plan;

/// <summary>
/// One Windows Firewall rule, in the form every exporter and store writes. <see cref="Name"/> is the
/// stable rule ID (PowerShell <c>-Name</c>): the same inputs always give the same names.
/// Address and port lists hold the strings Windows accepts; compare them by meaning, not text.
/// </summary>
public sealed record FirewallRule(
    string Name,
    string DisplayName,
    string Description,
    string Group,
    RuleDirection Direction,
    RuleAction Action,
    TransportProtocol Protocol,
    IReadOnlyList<string> LocalPorts,
    IReadOnlyList<string> RemoteAddresses,
    FirewallProfiles Profiles,
    bool Enabled);
