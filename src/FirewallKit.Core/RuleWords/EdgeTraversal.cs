namespace FirewallKit.Core.RuleWords;

/// <summary>Whether a rule also admits traffic that crossed a NAT edge (Teredo). It widens nothing the audit counts by address.</summary>
public enum EdgeTraversal
{
    Block,
    Allow,
    DeferToUser,
    DeferToApp,
}
