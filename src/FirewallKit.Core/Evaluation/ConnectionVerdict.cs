using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Evaluation;

/// <summary>
/// The firewall's answer for one connection and one firewall profile: the outcome, the rule that
/// decided it (null for loopback and the default inbound action) and the reason in words.
/// </summary>
public sealed record ConnectionVerdict(ConnectionOutcome Outcome, StoredRule? DecidingRule, string Reason)
{
    public bool IsAllowed => Outcome == ConnectionOutcome.Allowed;

    public bool IsBlocked => Outcome == ConnectionOutcome.Blocked;
}
