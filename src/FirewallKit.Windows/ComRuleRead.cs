using FirewallKit.Core.Plan;

namespace FirewallKit.Windows;

/// <summary>
/// A rule as read from COM: either <see cref="Rule"/>, or why fwkit cannot manage it
/// (<see cref="Unmanageable"/>: an outbound rule, another protocol, a port or address it cannot read).
/// </summary>
public sealed record ComRuleRead(FirewallRule? Rule, string? Unmanageable)
{
    public static ComRuleRead Of(FirewallRule rule) => new(rule, null);

    public static ComRuleRead Refused(string why) => new(null, why);
}
