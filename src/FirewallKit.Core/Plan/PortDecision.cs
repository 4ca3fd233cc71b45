using FirewallKit.Core.Catalog;

namespace FirewallKit.Core.Plan;

/// <summary>A row of the plan's decision table: one port, who may reach it, and why.</summary>
public sealed record PortDecision(
    string Port,
    TransportProtocol? Protocol,
    IReadOnlyList<string> Entries,
    Decision Decision,
    IReadOnlyList<AllowedSource> AllowedFrom,
    string Reason,
    IReadOnlyList<string> Rules);
