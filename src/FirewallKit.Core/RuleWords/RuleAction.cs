namespace FirewallKit.Core.RuleWords;

/// <summary>What a rule does with the traffic it matches. fwkit plans only Allow and Block; Bypass (allow authenticated traffic past block rules) is read from other rules.</summary>
public enum RuleAction
{
    Allow,
    Block,

    /// <summary>Allow traffic that IPsec authenticated, even past block rules (netsh "Bypass", PowerShell -OverrideBlockRules).</summary>
    Bypass,
}
