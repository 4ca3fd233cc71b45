using FirewallKit.Core.Rules;

namespace FirewallKit.Windows;

/// <summary>
/// A rule as read from COM: either <see cref="Rule"/>, or why fwkit cannot represent it
/// (<see cref="Unrepresentable"/>, a phrase after the rule's name: "is an outbound rule").
/// </summary>
public sealed record ComRuleRead(string Name, FirewallRule? Rule, string? Unrepresentable)
{
    public static ComRuleRead Of(FirewallRule rule) => new(rule.Name, rule, null);

    public static ComRuleRead Refused(string name, string why) => new(name, null, why + ", which fwkit cannot manage");
}
