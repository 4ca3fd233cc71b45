namespace FirewallKit.Core.RuleStrings;

/// <summary>One field a rule writes, and the grammar version that first has it.</summary>
internal sealed record RuleStringToken(string Key, string Value, RuleStringVersion Since);
