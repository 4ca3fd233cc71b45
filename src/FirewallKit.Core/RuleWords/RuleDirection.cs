namespace FirewallKit.Core.RuleWords;

/// <summary>The traffic a rule filters. fwkit plans inbound rules only; outbound ones are read from the store and left alone.</summary>
public enum RuleDirection
{
    Inbound,
    Outbound,
}
