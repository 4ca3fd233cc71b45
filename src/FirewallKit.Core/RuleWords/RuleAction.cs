namespace FirewallKit.Core.RuleWords;

public enum RuleAction
{
    Allow,
    Block,
}
