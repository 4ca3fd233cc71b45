using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Operations;

/// <summary><c>fwkit check</c>: one connection against one rule source, in one firewall profile or (when null) each of the three.</summary>
public sealed record CheckRequest(RuleSource Rules, ConnectionQuery Query, NetworkProfiles? Only = null);
