using FirewallKit.Core.Addresses;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Plan;

/// <summary>
/// A row of the plan's decision table: one port (or a range with no rule), who may reach it, and why.
/// <see cref="Allowed"/> is the union of <see cref="AllowedFrom"/> the planner wrote the rules from, kept so
/// the audit compares with the very set the rules hold instead of recomputing it.
/// </summary>
public sealed record PortDecision(
    PortSet Port,
    TransportProtocol? Protocol,
    ValueList<string> Entries,
    Decision Decision,
    ValueList<AllowedSource> AllowedFrom,
    AddressSet Allowed,
    string Reason,
    ValueList<string> Rules)
{
    /// <summary>The port as the decision table prints it: a row holds one port or one range, so one token.</summary>
    public string PortText => Port.ToString();
}
