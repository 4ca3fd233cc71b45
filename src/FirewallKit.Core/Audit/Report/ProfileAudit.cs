using FirewallKit.Core.Catalog;
using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Audit;

/// <summary>One port in one firewall profile: who can reach it, and how that compares with the plan.</summary>
public sealed record ProfileAudit(NetworkProfiles Profile, Reachability Reach, AuditVerdict Verdict, IReadOnlyList<Finding> Findings);
