namespace FirewallKit.Core.Plan;

public enum RuleAction
{
    Allow,
    Block,
}
