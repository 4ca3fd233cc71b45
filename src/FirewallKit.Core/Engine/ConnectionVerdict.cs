using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Engine;

/// <summary>
/// The firewall's answer for one connection and one firewall profile: the outcome, the rule that
/// decided it (null for loopback and the default inbound action) and the reason in words.
/// </summary>
public sealed record ConnectionVerdict(ConnectionOutcome Outcome, FirewallRule? DecidingRule, string Reason)
{
    public bool IsAllowed => Outcome == ConnectionOutcome.Allowed;

    public bool IsBlocked => Outcome == ConnectionOutcome.Blocked;
}
