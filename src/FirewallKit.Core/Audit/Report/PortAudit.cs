using FirewallKit.Core.Evaluation;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Audit;

/// <summary>
/// One audited port. <see cref="Origin"/> is <c>plan</c> (a row of the plan's decision table), <c>catalog</c>
/// (a catalog port, no profile given) or <c>listener</c> (a listening socket the catalog does not know).
/// </summary>
public sealed record PortAudit(
    int Port,
    TransportProtocol Protocol,
    string Origin,
    IReadOnlyList<string> Entries,
    IntendedReach? Intended,
    Listener? Listener,
    IReadOnlyList<ProfileAudit> Profiles)
{
    public AuditVerdict Verdict =>
        Profiles.Any(p => p.Verdict == AuditVerdict.Differs) ? AuditVerdict.Differs
        : Profiles.Any(p => p.Verdict == AuditVerdict.Matches) ? AuditVerdict.Matches
        : AuditVerdict.NotCompared;
}
