using FirewallKit.Core.Evaluation;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Audit;

/// <summary>
/// The result of <c>fwkit audit</c>: the firewall that was read, every audited port per firewall profile, and the
/// overall verdict. <see cref="PlanProfile"/>, <see cref="PlanHash"/> and <see cref="PlanFirewallProfiles"/> are set
/// when a deployment profile was compared; the plan only speaks for the firewall profiles it writes rules for.
/// </summary>
public sealed record AuditReport(
    string RulesSource,
    string RulesFormat,
    int RuleCount,
    IReadOnlyList<ProfileState> NetworkProfiles,
    string? PlanProfile,
    string? PlanHash,
    NetworkProfiles PlanFirewallProfiles,
    IReadOnlyList<PortAudit> Ports,
    IReadOnlyList<string> Notes)
{
    /// <summary>The version of the audit's JSON contract (<see cref="AuditJsonWriter"/>); bump on breaking changes.</summary>
    public const string ContractVersion = "fwkit.audit/1";

    public AuditVerdict Verdict =>
        PlanProfile is null ? AuditVerdict.NotCompared
        : Ports.Any(p => p.Verdict == AuditVerdict.Differs) ? AuditVerdict.Differs
        : AuditVerdict.Matches;
}
