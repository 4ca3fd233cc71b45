using FirewallKit.Core.Engine;
using FirewallKit.Core.Profiles;

namespace FirewallKit.Core.Operations;

/// <summary><c>fwkit check</c>: one connection against one rule source, in one firewall profile or (when null) each of the three.</summary>
public sealed record CheckRequest(RuleSource Rules, ConnectionQuery Query, FirewallProfiles? Only = null);
