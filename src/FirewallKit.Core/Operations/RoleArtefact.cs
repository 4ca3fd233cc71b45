using FirewallKit.Core.Plan;
using FirewallKit.Core.Sets;

namespace FirewallKit.Core.Operations;

/// <summary>One export of <c>export --per-role</c>: the file it goes to, the role set it serves, the hosts that run exactly that set.</summary>
public sealed record RoleArtefact(string FileName, ValueList<string> Roles, ValueList<string> Hosts, string Content, string PlanHash);
