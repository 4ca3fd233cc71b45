using FirewallKit.Core.Evaluation;
namespace FirewallKit.Core.Audit;

public enum AuditVerdict
{
    /// <summary>Reachability is what the plan intends.</summary>
    Matches,

    /// <summary>Reachability is wider or narrower than the plan intends (or cannot be confirmed).</summary>
    Differs,

    /// <summary>There is no intent to compare with (no deployment profile, a port the plan has no rule for, a firewall profile the plan does not cover).</summary>
    NotCompared,
}
