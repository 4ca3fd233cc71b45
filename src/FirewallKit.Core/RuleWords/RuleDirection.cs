namespace FirewallKit.Core.RuleWords;

/// <summary>Only inbound rules are planned; the enum keeps the contract honest about it.</summary>
public enum RuleDirection
{
    Inbound,
}
