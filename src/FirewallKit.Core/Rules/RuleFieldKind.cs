namespace FirewallKit.Core.Rules;

/// <summary>Whether the plan sets a field, or leaves it at its default so that any other value on an owned rule is drift.</summary>
public enum RuleFieldKind
{
    /// <summary>Set by every planned rule (name, action, ports, addresses, ...).</summary>
    Planned,

    /// <summary>A condition the plan never sets (program, service, interfaces, ...); kept as text in <see cref="FirewallRule.ExtraFields"/> when a store has it.</summary>
    Condition,
}
