using FirewallKit.Core.Plan;

namespace FirewallKit.Core.Apply;

/// <summary>
/// A firewall's rule store, in the plan's model. Reads return what the firewall holds, in the forms
/// it reads back (<c>10.0.0.1/255.255.255.255</c>, <c>*</c>): callers compare with
/// <see cref="RuleComparer"/>, never by string. Writes touch only the rules named.
/// </summary>
public interface IFirewallStore
{
    /// <summary>Every rule whose group is exactly <paramref name="group"/> (duplicates of a name included).</summary>
    IReadOnlyList<FirewallRule> List(string group);

    /// <summary>Adds the rule, enabled as the rule says.</summary>
    void Add(FirewallRule rule);

    /// <summary>Rewrites the one rule named <c>rule.Name</c> in <c>rule.Group</c> to match <paramref name="rule"/>.</summary>
    void Update(FirewallRule rule);

    /// <summary>Removes every rule named <paramref name="name"/> in <paramref name="group"/>, and no rule of another group.</summary>
    void Remove(string group, string name);
}
