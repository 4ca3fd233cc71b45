using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Plan;

/// <summary>A row of the plan's decision table: one port (or a range with no rule), who may reach it, and why.</summary>
public sealed record PortDecision(
    string Port,
    TransportProtocol? Protocol,
    ValueList<string> Entries,
    Decision Decision,
    ValueList<AllowedSource> AllowedFrom,
    string Reason,
    ValueList<string> Rules);
